using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Tests.Infrastructure;

/// <summary>A host context with the MFA tables under the default names.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseMfa();
}

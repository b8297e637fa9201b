using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.RaceWorker;

/// <summary>The host context of the worker: only the MFA tables (default names).</summary>
internal sealed class RaceDbContext(DbContextOptions<RaceDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseMfa();
}

using Microsoft.EntityFrameworkCore;

namespace Mfa.Samples.Data;

/// <summary>The sample hosts' database: their own tables plus the MFA tables from <c>modelBuilder.UseMfa()</c>.</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    /// <summary>Organizations.</summary>
    public DbSet<SampleOrganization> Organizations => Set<SampleOrganization>();

    /// <summary>Users.</summary>
    public DbSet<SampleUser> Users => Set<SampleUser>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SampleOrganization>(organization =>
        {
            organization.ToTable("Organizations");
            organization.HasKey(o => o.Id);
            organization.Property(o => o.Id).HasMaxLength(64);
            organization.Property(o => o.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<SampleUser>(user =>
        {
            user.ToTable("Users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).HasMaxLength(256);
            user.Property(u => u.Email).HasMaxLength(256);
            user.HasIndex(u => u.Email).IsUnique();
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.OrganizationId).HasMaxLength(64);
            user.HasIndex(u => u.OrganizationId);
            user.HasOne<SampleOrganization>().WithMany().HasForeignKey(u => u.OrganizationId);
            user.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
            user.Property(u => u.SecurityStamp).HasMaxLength(64).IsConcurrencyToken();
        });

        // The MFA SDK's tables live in the host's own context and migrations.
        modelBuilder.UseMfa();
    }
}

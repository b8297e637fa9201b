using Mfa.Storage.EfCore.Model;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaOrganizationPolicy"/> to the <c>OrganizationPolicies</c> table.</summary>
internal sealed class MfaOrganizationPolicyConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaOrganizationPolicy>
{
    public void Configure(EntityTypeBuilder<MfaOrganizationPolicy> builder)
    {
        builder.ToTable(options.Table("OrganizationPolicies"), options.Schema);
        builder.HasKey(p => p.OrganizationId);
        builder.Property(p => p.OrganizationId).HasMaxLength(MfaColumnLengths.ExternalId).ValueGeneratedNever();
        builder.Property(p => p.UpdatedBy).HasMaxLength(MfaColumnLengths.ExternalId);
        builder.Property(p => p.RequiredSince).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(p => p.UpdatedAt).HasConversion(UtcDateTimeConverter.Instance);

        // Ticks, not the provider's time type: SQL Server's "time" cannot hold a grace period of more than a day.
        builder.Property(p => p.EnrollmentGracePeriod).HasConversion<long?>();
    }
}

using Mfa.Storage.EfCore.Model;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaFactor"/> to the <c>Factors</c> table.</summary>
internal sealed class MfaFactorConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaFactor>
{
    public void Configure(EntityTypeBuilder<MfaFactor> builder)
    {
        builder.ToTable(options.Table("Factors"), options.Schema);
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(MfaColumnLengths.Id).ValueGeneratedNever();
        builder.Property(f => f.UserId).HasMaxLength(MfaColumnLengths.ExternalId).IsRequired();
        builder.Property(f => f.ProtectedSecret).HasMaxLength(MfaColumnLengths.ProtectedData);
        builder.Property(f => f.PhoneNumber).HasMaxLength(MfaColumnLengths.PhoneNumber);
        builder.Property(f => f.CreatedAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(f => f.ExpiresAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(f => f.ActivatedAt).HasConversion(UtcDateTimeConverter.Instance);

        // Status is Pending or Active, so a unique (UserId, Status) index is exactly "at most one active and one
        // pending factor per user", enforced by every provider without a filtered index. It also serves the lookups.
        builder.HasIndex(f => new { f.UserId, f.Status }).IsUnique();
    }
}

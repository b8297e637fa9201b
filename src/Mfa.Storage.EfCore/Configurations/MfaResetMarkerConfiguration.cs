using Mfa.Storage.EfCore.Model;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaResetMarker"/> to the <c>ResetMarkers</c> table (one row per user).</summary>
internal sealed class MfaResetMarkerConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaResetMarker>
{
    public void Configure(EntityTypeBuilder<MfaResetMarker> builder)
    {
        builder.ToTable(options.Table("ResetMarkers"), options.Schema);
        builder.HasKey(m => m.UserId);
        builder.Property(m => m.UserId).HasMaxLength(MfaColumnLengths.ExternalId).ValueGeneratedNever();
        builder.Property(m => m.ResetBy).HasMaxLength(MfaColumnLengths.ExternalId).IsRequired();
        builder.Property(m => m.ResetAt).HasConversion(UtcDateTimeConverter.Instance);
    }
}

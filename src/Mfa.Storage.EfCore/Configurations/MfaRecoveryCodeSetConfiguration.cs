using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.RecoveryCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaRecoveryCodeSet"/> to the <c>RecoveryCodeSets</c> table (one row per user).</summary>
internal sealed class MfaRecoveryCodeSetConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaRecoveryCodeSet>
{
    public void Configure(EntityTypeBuilder<MfaRecoveryCodeSet> builder)
    {
        builder.ToTable(options.Table("RecoveryCodeSets"), options.Schema);
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(MfaColumnLengths.ExternalId).ValueGeneratedNever();
        builder.Property(s => s.ProtectedKey).HasMaxLength(MfaColumnLengths.ProtectedData).IsRequired();
        builder.Property(s => s.CreatedAt).HasConversion(UtcDateTimeConverter.Instance);
    }
}

using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.RecoveryCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaRecoveryCode"/> to the <c>RecoveryCodes</c> table, owned by the user's set.</summary>
internal sealed class MfaRecoveryCodeConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaRecoveryCode>
{
    public void Configure(EntityTypeBuilder<MfaRecoveryCode> builder)
    {
        builder.ToTable(options.Table("RecoveryCodes"), options.Schema);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(MfaColumnLengths.ExternalId).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(MfaColumnLengths.Hash).IsRequired();
        builder.Property(c => c.UsedAt).HasConversion(UtcDateTimeConverter.Instance);

        // Redemption looks a code up by (UserId, CodeHash); counting and deleting use the UserId prefix.
        builder.HasIndex(c => new { c.UserId, c.CodeHash });
        builder.HasOne<MfaRecoveryCodeSet>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

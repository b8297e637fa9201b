using Mfa.Storage.EfCore.Model;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaSmsChallenge"/> to the <c>SmsChallenges</c> table.</summary>
internal sealed class MfaSmsChallengeConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaSmsChallenge>
{
    public void Configure(EntityTypeBuilder<MfaSmsChallenge> builder)
    {
        builder.ToTable(options.Table("SmsChallenges"), options.Schema);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(MfaColumnLengths.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(MfaColumnLengths.ExternalId).IsRequired();
        builder.Property(c => c.FactorId).HasMaxLength(MfaColumnLengths.Id).IsRequired();
        builder.Property(c => c.PhoneNumber).HasMaxLength(MfaColumnLengths.PhoneNumber).IsRequired();
        builder.Property(c => c.ProtectedKey).HasMaxLength(MfaColumnLengths.ProtectedData).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(MfaColumnLengths.Hash).IsRequired();
        builder.Property(c => c.CreatedAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(c => c.LastSentAt).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(c => c.ExpiresAt).HasConversion(UtcDateTimeConverter.Instance);

        // A user has at most one challenge per purpose.
        builder.HasIndex(c => new { c.UserId, c.Purpose }).IsUnique();
    }
}

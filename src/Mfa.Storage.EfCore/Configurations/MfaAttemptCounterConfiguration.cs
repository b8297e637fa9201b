using Mfa.Storage.EfCore.Attempts;
using Mfa.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaAttemptCounter"/> to the <c>Attempts</c> table (one row per user).</summary>
internal sealed class MfaAttemptCounterConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaAttemptCounter>
{
    public void Configure(EntityTypeBuilder<MfaAttemptCounter> builder)
    {
        builder.ToTable(options.Table("Attempts"), options.Schema);
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(MfaColumnLengths.ExternalId).ValueGeneratedNever();
        builder.Property(a => a.LastFailureAt).HasConversion(UtcDateTimeConverter.Instance);
    }
}

using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaSmsQuotaLock"/> to the <c>SmsQuotaLocks</c> table.</summary>
internal sealed class MfaSmsQuotaLockConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaSmsQuotaLock>
{
    public void Configure(EntityTypeBuilder<MfaSmsQuotaLock> builder)
    {
        builder.ToTable(options.Table("SmsQuotaLocks"), options.Schema);
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(MfaColumnLengths.ExternalId + 8).ValueGeneratedNever();
    }
}

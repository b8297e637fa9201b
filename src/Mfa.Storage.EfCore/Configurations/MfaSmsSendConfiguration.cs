using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaSmsSend"/> to the <c>SmsSends</c> table: the send log the quotas count.</summary>
internal sealed class MfaSmsSendConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaSmsSend>
{
    public void Configure(EntityTypeBuilder<MfaSmsSend> builder)
    {
        builder.ToTable(options.Table("SmsSends"), options.Schema);
        builder.HasKey(s => s.SendId);
        builder.Property(s => s.SendId).HasMaxLength(MfaColumnLengths.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(MfaColumnLengths.ExternalId).IsRequired();
        builder.Property(s => s.OrganizationId).HasMaxLength(MfaColumnLengths.ExternalId);
        builder.Property(s => s.At).HasConversion(UtcDateTimeConverter.Instance);

        // The hourly per-user and daily per-organization windows.
        builder.HasIndex(s => new { s.UserId, s.At });
        builder.HasIndex(s => new { s.OrganizationId, s.At });
    }
}

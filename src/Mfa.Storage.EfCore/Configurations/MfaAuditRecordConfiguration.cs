using Mfa.Storage.EfCore.Model;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mfa.Storage.EfCore.Configurations;

/// <summary>Maps <see cref="MfaAuditRecord"/> to the append-only <c>AuditRecords</c> table.</summary>
internal sealed class MfaAuditRecordConfiguration(MfaModelOptions options) : IEntityTypeConfiguration<MfaAuditRecord>
{
    public void Configure(EntityTypeBuilder<MfaAuditRecord> builder)
    {
        builder.ToTable(options.Table("AuditRecords"), options.Schema);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.EventType).HasMaxLength(MfaColumnLengths.EventType).IsRequired();
        builder.Property(r => r.OrganizationId).HasMaxLength(MfaColumnLengths.ExternalId);
        builder.Property(r => r.UserId).HasMaxLength(MfaColumnLengths.ExternalId);
        builder.Property(r => r.ActorUserId).HasMaxLength(MfaColumnLengths.ExternalId);
        builder.Property(r => r.Detail).HasMaxLength(MfaColumnLengths.Detail);
        builder.Property(r => r.OccurredAt).HasConversion(UtcDateTimeConverter.Instance);

        // The trail is read per organization, newest first.
        builder.HasIndex(r => new { r.OrganizationId, r.OccurredAt, r.Id }).IsDescending(false, true, true);
    }
}

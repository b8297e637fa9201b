using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Audit;

/// <summary>The audit trail in the <c>AuditRecords</c> table: this store only inserts and reads.</summary>
internal sealed class EfCoreAuditStore(DbContext context) : IMfaAuditStore
{
    private DbSet<MfaAuditRecord> Records => context.MfaSet<MfaAuditRecord>();

    public async ValueTask AppendAsync(MfaAuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await context.InsertAsync(
            [
                new MfaAuditRecord
                {
                    Id = record.Id, OccurredAt = record.OccurredAt, EventType = record.EventType, OrganizationId = record.OrganizationId,
                    UserId = record.UserId, ActorUserId = record.ActorUserId, Method = record.Method, Detail = record.Detail,
                },
            ],
            cancellationToken);
    }

    public async ValueTask<IReadOnlyList<MfaAuditRecord>> ListAsync(string organizationId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        return await Records.AsNoTracking()
            .Where(r => r.OrganizationId == organizationId)
            .OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
    }
}

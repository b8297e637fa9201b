using Mfa.Diagnostics;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.Logging;

namespace Mfa.Audit;

/// <summary>
/// Appends audit records and tells the event listeners. Records join the caller's transaction when one is open;
/// listeners are told by <see cref="PublishAsync"/>, which callers invoke after committing.
/// </summary>
internal sealed class MfaAuditWriter(
    MfaStores stores,
    IEnumerable<IMfaEventListener> listeners,
    TimeProvider time,
    ILogger<MfaAuditWriter> logger)
{
    public async ValueTask<MfaEvent> RecordAsync(
        string eventType,
        MfaUser? subject,
        CancellationToken cancellationToken,
        MfaMethod? method = null,
        string? detail = null,
        string? actorUserId = null,
        string? organizationId = null)
    {
        var now = time.GetUtcNow();
        var record = new MfaAuditRecord
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = now,
            EventType = eventType,
            OrganizationId = organizationId ?? subject?.OrganizationId,
            UserId = subject?.UserId,
            ActorUserId = actorUserId,
            Method = method,
            Detail = detail,
        };
        await stores.Audit.AppendAsync(record, cancellationToken);
        return new MfaEvent(eventType, now, record.UserId, record.OrganizationId, actorUserId, method, detail);
    }

    /// <summary>Records and publishes at once, for changes that stand alone (no surrounding transaction).</summary>
    public async ValueTask RecordAndPublishAsync(
        string eventType,
        MfaUser? subject,
        CancellationToken cancellationToken,
        MfaMethod? method = null,
        string? detail = null,
        string? actorUserId = null)
    {
        var mfaEvent = await RecordAsync(eventType, subject, cancellationToken, method, detail, actorUserId);
        await PublishAsync(mfaEvent, cancellationToken);
    }

    public async ValueTask PublishAsync(MfaEvent mfaEvent, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.HandleAsync(mfaEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                MfaLog.EventListenerFailed(logger, listener.GetType().Name, mfaEvent.EventType, ex);
            }
        }
    }
}

namespace Mfa.Stores;

/// <summary>Counts SMS sends per user and per organization over sliding windows (SMS pumping defence).</summary>
public interface IMfaSmsQuotaStore
{
    /// <summary>
    /// Atomically checks the request against the limits and, when within them, records the send. Concurrent callers
    /// never together exceed a limit.
    /// </summary>
    ValueTask<SmsQuotaResult> TryTakeAsync(SmsQuotaRequest request, CancellationToken cancellationToken);

    /// <summary>Removes a recorded send that certainly did not happen (the provider refused it outright).</summary>
    ValueTask ReleaseAsync(string sendId, CancellationToken cancellationToken);
}

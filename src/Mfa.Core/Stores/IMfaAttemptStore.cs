namespace Mfa.Stores;

/// <summary>Counts failed verifications per user (TOTP, SMS, recovery codes, activation) for throttling.</summary>
public interface IMfaAttemptStore
{
    /// <summary>Reads the user's counter.</summary>
    ValueTask<MfaAttemptState> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically adds one failure at <paramref name="failedAt"/> and returns the new state. Concurrent calls never
    /// lose a count.
    /// </summary>
    ValueTask<MfaAttemptState> RecordFailureAsync(string userId, DateTimeOffset failedAt, CancellationToken cancellationToken);

    /// <summary>Clears the counter (after a success, or a reset).</summary>
    ValueTask ResetAsync(string userId, CancellationToken cancellationToken);
}

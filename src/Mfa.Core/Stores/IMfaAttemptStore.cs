namespace Mfa.Stores;

/// <summary>
/// Counts failed verifications per user (TOTP, SMS, recovery codes, activation) for throttling. The engine reserves
/// an attempt (counts it as a failure) before checking a code and clears the counter on success, so that any number
/// of concurrent guesses can never exceed the allowed failures: each one must win
/// <see cref="TryIncrementAsync"/> from a state that is not locked.
/// </summary>
public interface IMfaAttemptStore
{
    /// <summary>Reads the user's counter (<see cref="MfaAttemptState.None"/> when there is none).</summary>
    ValueTask<MfaAttemptState> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: atomically sets the count to <paramref name="expectedCount"/> + 1 and the last failure time to
    /// <paramref name="failedAt"/>, if and only if the count is still <paramref name="expectedCount"/> (a user without a
    /// counter has count 0). Of concurrent callers with the same expected count exactly one succeeds.
    /// </summary>
    /// <returns><see langword="true"/> when this call incremented the counter.</returns>
    ValueTask<bool> TryIncrementAsync(string userId, int expectedCount, DateTimeOffset failedAt, CancellationToken cancellationToken);

    /// <summary>Clears the counter (after a success, or a reset).</summary>
    ValueTask ResetAsync(string userId, CancellationToken cancellationToken);
}

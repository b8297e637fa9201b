namespace Mfa.Stores;

/// <summary>Persists outstanding SMS codes. A consumed challenge is deleted.</summary>
public interface IMfaSmsChallengeStore
{
    /// <summary>Finds the user's challenge for <paramref name="purpose"/>.</summary>
    /// <returns>The challenge, or <see langword="null"/>.</returns>
    ValueTask<MfaSmsChallenge?> FindAsync(string userId, MfaSmsPurpose purpose, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="challenge"/>, replacing the user's earlier challenge for the same purpose.</summary>
    ValueTask SaveAsync(MfaSmsChallenge challenge, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically puts a newly sent code on the challenge: new hash and expiry, send count + 1, failed attempts 0;
    /// only if its send count is still <paramref name="expectedSendCount"/> (optimistic concurrency).
    /// </summary>
    /// <returns><see langword="false"/> when the challenge is gone or was changed concurrently.</returns>
    ValueTask<bool> TryReplaceCodeAsync(string challengeId, int expectedSendCount, byte[] codeHash, DateTimeOffset sentAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Atomically adds one wrong guess and returns the new count (0 when the challenge is gone).</summary>
    ValueTask<int> RecordFailedAttemptAsync(string challengeId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically consumes (deletes) the challenge if its code hash is <paramref name="codeHash"/>, it has not expired at
    /// <paramref name="now"/>, and it has had fewer than <paramref name="maxFailedAttempts"/> wrong guesses. Exactly one
    /// of any number of concurrent callers succeeds.
    /// </summary>
    ValueTask<bool> TryConsumeAsync(string challengeId, byte[] codeHash, DateTimeOffset now, int maxFailedAttempts, CancellationToken cancellationToken);

    /// <summary>Deletes one challenge.</summary>
    ValueTask DeleteAsync(string challengeId, CancellationToken cancellationToken);

    /// <summary>Deletes all the user's challenges.</summary>
    ValueTask DeleteAllAsync(string userId, CancellationToken cancellationToken);
}

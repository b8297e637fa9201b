namespace Mfa.Stores;

/// <summary>
/// Persists recovery codes as keyed hashes. The key of a user's set is stored encrypted by
/// <see cref="Secrets.IMfaSecretProtector"/>, so a copy of the database alone reveals no code.
/// </summary>
public interface IMfaRecoveryCodeStore
{
    /// <summary>Atomically replaces the user's set: the old codes stop working, the new ones start.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="protectedKey">The set's hashing key, encrypted.</param>
    /// <param name="codeHashes">One keyed hash per code.</param>
    /// <param name="createdAt">When the set was issued.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask ReplaceAsync(string userId, byte[] protectedKey, IReadOnlyList<byte[]> codeHashes, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Finds the encrypted hashing key of the user's current set.</summary>
    /// <returns>The key, or <see langword="null"/> when the user has no set.</returns>
    ValueTask<byte[]?> FindProtectedKeyAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically marks the unused code with hash <paramref name="codeHash"/> as used. Exactly one of any number of
    /// concurrent callers with the same code succeeds.
    /// </summary>
    /// <returns><see langword="true"/> when a code was redeemed.</returns>
    ValueTask<bool> TryRedeemAsync(string userId, byte[] codeHash, DateTimeOffset usedAt, CancellationToken cancellationToken);

    /// <summary>Counts the user's unused codes.</summary>
    ValueTask<int> CountRemainingAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes the user's set and its key.</summary>
    ValueTask DeleteAllAsync(string userId, CancellationToken cancellationToken);
}

using Mfa.Stores;

namespace Mfa.Core.Tests.TestSupport;

/// <summary>Passes everything to the in-memory store and keeps what the engine asked it to persist.</summary>
internal sealed class RecordingRecoveryCodeStore(IMfaRecoveryCodeStore inner) : IMfaRecoveryCodeStore
{
    public List<(byte[] ProtectedKey, IReadOnlyList<byte[]> Hashes)> Replacements { get; } = [];

    public List<byte[]> RedeemedHashes { get; } = [];

    public ValueTask ReplaceAsync(string userId, byte[] protectedKey, IReadOnlyList<byte[]> codeHashes, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        lock (Replacements)
        {
            Replacements.Add(((byte[])protectedKey.Clone(), codeHashes.Select(h => (byte[])h.Clone()).ToList()));
        }

        return inner.ReplaceAsync(userId, protectedKey, codeHashes, createdAt, cancellationToken);
    }

    public ValueTask<byte[]?> FindProtectedKeyAsync(string userId, CancellationToken cancellationToken) => inner.FindProtectedKeyAsync(userId, cancellationToken);

    public ValueTask<bool> TryRedeemAsync(string userId, byte[] codeHash, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        lock (RedeemedHashes)
        {
            RedeemedHashes.Add((byte[])codeHash.Clone());
        }

        return inner.TryRedeemAsync(userId, codeHash, usedAt, cancellationToken);
    }

    public ValueTask<int> CountRemainingAsync(string userId, CancellationToken cancellationToken) => inner.CountRemainingAsync(userId, cancellationToken);

    public ValueTask DeleteAllAsync(string userId, CancellationToken cancellationToken) => inner.DeleteAllAsync(userId, cancellationToken);
}

using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.RecoveryCodes;

/// <summary>Recovery codes in the <c>RecoveryCodeSets</c> and <c>RecoveryCodes</c> tables; redemption is one conditional UPDATE.</summary>
internal sealed class EfCoreRecoveryCodeStore(DbContext context) : IMfaRecoveryCodeStore
{
    private DbSet<MfaRecoveryCodeSet> Sets => context.MfaSet<MfaRecoveryCodeSet>();

    private DbSet<MfaRecoveryCode> Codes => context.MfaSet<MfaRecoveryCode>();

    public async ValueTask ReplaceAsync(string userId, byte[] protectedKey, IReadOnlyList<byte[]> codeHashes, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(protectedKey);
        ArgumentNullException.ThrowIfNull(codeHashes);

        await context.InTransactionAsync(
            async token =>
            {
                // Updating (or creating) the set row first makes concurrent replacements for the same user queue on
                // its lock, so the delete and inserts below never interleave with another replacement's.
                await context.UpsertAsync(
                    t => Sets.Where(s => s.UserId == userId)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.ProtectedKey, protectedKey).SetProperty(x => x.CreatedAt, createdAt), t),
                    () => new MfaRecoveryCodeSet { UserId = userId, ProtectedKey = protectedKey, CreatedAt = createdAt },
                    token);
                await Codes.Where(c => c.UserId == userId).ExecuteDeleteAsync(token);
                await context.InsertAsync(
                    codeHashes.Select(hash => new MfaRecoveryCode { Id = Guid.CreateVersion7(), UserId = userId, CodeHash = hash }),
                    token);
            },
            cancellationToken);
    }

    public async ValueTask<byte[]?> FindProtectedKeyAsync(string userId, CancellationToken cancellationToken) =>
        await Sets.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.ProtectedKey).SingleOrDefaultAsync(cancellationToken);

    public async ValueTask<bool> TryRedeemAsync(string userId, byte[] codeHash, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return await Codes
            .Where(c => c.UserId == userId && c.CodeHash == codeHash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, usedAt), cancellationToken) > 0;
    }

    public async ValueTask<int> CountRemainingAsync(string userId, CancellationToken cancellationToken) =>
        await Codes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);

    public async ValueTask DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        await context.InTransactionAsync(
            async token =>
            {
                await Codes.Where(c => c.UserId == userId).ExecuteDeleteAsync(token);
                await Sets.Where(s => s.UserId == userId).ExecuteDeleteAsync(token);
            },
            cancellationToken);
}

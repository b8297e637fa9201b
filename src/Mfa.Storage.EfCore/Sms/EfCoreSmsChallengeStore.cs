using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Sms;

/// <summary>SMS challenges in the <c>SmsChallenges</c> table; consuming a code is one conditional DELETE.</summary>
internal sealed class EfCoreSmsChallengeStore(DbContext context) : IMfaSmsChallengeStore
{
    private DbSet<MfaSmsChallenge> Challenges => context.MfaSet<MfaSmsChallenge>();

    public async ValueTask<MfaSmsChallenge?> FindAsync(string userId, MfaSmsPurpose purpose, CancellationToken cancellationToken) =>
        await Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.Purpose == purpose, cancellationToken);

    public async ValueTask SaveAsync(MfaSmsChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        await context.InTransactionAsync(
            token => context.ReplaceAsync(
                t => Challenges.Where(c => c.Id == challenge.Id || (c.UserId == challenge.UserId && c.Purpose == challenge.Purpose)).ExecuteDeleteAsync(t),
                Copy(challenge),
                token),
            cancellationToken);
    }

    public async ValueTask<bool> TryReplaceCodeAsync(string challengeId, int expectedSendCount, byte[] codeHash, DateTimeOffset sentAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return await Challenges
            .Where(c => c.Id == challengeId && c.SendCount == expectedSendCount)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.CodeHash, codeHash)
                    .SetProperty(c => c.LastSentAt, sentAt)
                    .SetProperty(c => c.ExpiresAt, expiresAt)
                    .SetProperty(c => c.SendCount, c => c.SendCount + 1)
                    .SetProperty(c => c.FailedAttempts, 0),
                cancellationToken) == 1;
    }

    public async ValueTask<int> RecordFailedAttemptAsync(string challengeId, CancellationToken cancellationToken) =>
        await context.InTransactionAsync(
            async token =>
            {
                var updated = await Challenges.Where(c => c.Id == challengeId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), token);

                // Our update holds the row lock until commit, so this reads our own increment.
                return updated == 0
                    ? 0
                    : await Challenges.Where(c => c.Id == challengeId).Select(c => c.FailedAttempts).SingleAsync(token);
            },
            cancellationToken);

    public async ValueTask<bool> TryConsumeAsync(string challengeId, byte[] codeHash, DateTimeOffset now, int maxFailedAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return await Challenges
            .Where(c => c.Id == challengeId && c.CodeHash == codeHash && c.ExpiresAt > now && c.FailedAttempts < maxFailedAttempts)
            .ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async ValueTask DeleteAsync(string challengeId, CancellationToken cancellationToken) =>
        await Challenges.Where(c => c.Id == challengeId).ExecuteDeleteAsync(cancellationToken);

    public async ValueTask DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        await Challenges.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private static MfaSmsChallenge Copy(MfaSmsChallenge c) => new()
    {
        Id = c.Id, UserId = c.UserId, Purpose = c.Purpose, FactorId = c.FactorId, PhoneNumber = c.PhoneNumber,
        ProtectedKey = c.ProtectedKey, CodeHash = c.CodeHash, CreatedAt = c.CreatedAt, LastSentAt = c.LastSentAt,
        ExpiresAt = c.ExpiresAt, SendCount = c.SendCount, FailedAttempts = c.FailedAttempts,
    };
}

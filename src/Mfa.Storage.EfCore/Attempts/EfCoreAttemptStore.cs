using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Attempts;

/// <summary>
/// Failure counters in the <c>Attempts</c> table. A failure is an increment in the database (update, or insert when
/// the user has no row, retried as an update if another caller inserted first), so no count is ever lost.
/// </summary>
internal sealed class EfCoreAttemptStore(DbContext context) : IMfaAttemptStore
{
    private DbSet<MfaAttemptCounter> Counters => context.MfaSet<MfaAttemptCounter>();

    public async ValueTask<MfaAttemptState> GetAsync(string userId, CancellationToken cancellationToken) =>
        await ReadAsync(userId, cancellationToken);

    public async ValueTask<MfaAttemptState> RecordFailureAsync(string userId, DateTimeOffset failedAt, CancellationToken cancellationToken) =>
        await context.InTransactionAsync(
            async token =>
            {
                await context.UpsertAsync(
                    t => Counters.Where(a => a.UserId == userId)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedCount, a => a.FailedCount + 1).SetProperty(a => a.LastFailureAt, failedAt), t),
                    () => new MfaAttemptCounter { UserId = userId, FailedCount = 1, LastFailureAt = failedAt },
                    token);

                // The row is locked by our update until commit, so this reads our own increment.
                return await ReadAsync(userId, token);
            },
            cancellationToken);

    public async ValueTask ResetAsync(string userId, CancellationToken cancellationToken) =>
        await Counters.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private async Task<MfaAttemptState> ReadAsync(string userId, CancellationToken cancellationToken) =>
        await Counters.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new MfaAttemptState(a.FailedCount, a.LastFailureAt))
            .SingleOrDefaultAsync(cancellationToken) ?? MfaAttemptState.None;
}

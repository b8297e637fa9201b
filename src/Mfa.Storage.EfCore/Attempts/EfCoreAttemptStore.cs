using Mfa.Storage.EfCore.Model;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Attempts;

/// <summary>
/// Failure counters in the <c>Attempts</c> table. Counting is a compare-and-set in the database (a conditional update,
/// or an insert when the user has no row that the unique key lets only one caller win), so no count is ever lost.
/// </summary>
internal sealed class EfCoreAttemptStore(DbContext context) : IMfaAttemptStore
{
    private DbSet<MfaAttemptCounter> Counters => context.MfaSet<MfaAttemptCounter>();

    public async ValueTask<MfaAttemptState> GetAsync(string userId, CancellationToken cancellationToken) =>
        await Counters.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new MfaAttemptState(a.FailedCount, a.LastFailureAt))
            .SingleOrDefaultAsync(cancellationToken) ?? MfaAttemptState.None;

    public async ValueTask<bool> TryIncrementAsync(string userId, int expectedCount, DateTimeOffset failedAt, CancellationToken cancellationToken)
    {
        // Compare-and-set in one statement: only the caller that still sees the expected count wins.
        var updated = await Counters
            .Where(a => a.UserId == userId && a.FailedCount == expectedCount)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedCount, expectedCount + 1).SetProperty(a => a.LastFailureAt, failedAt), cancellationToken);
        if (updated == 1)
        {
            return true;
        }

        if (expectedCount != 0)
        {
            return false;
        }

        // No row means a count of 0: the first caller to insert wins; the unique key refuses the others.
        var counter = new MfaAttemptCounter { UserId = userId, FailedCount = 1, LastFailureAt = failedAt };
        context.Add(counter);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            context.Entry(counter).State = EntityState.Detached;
        }
    }

    public async ValueTask ResetAsync(string userId, CancellationToken cancellationToken) =>
        await Counters.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}

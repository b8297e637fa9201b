using Mfa.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Transactions;

/// <summary>
/// How the stores make multi-statement operations atomic on any provider: join the transaction the engine opened
/// through <see cref="Mfa.Stores.IMfaUnitOfWork"/>, or run their own through the context's execution strategy.
/// Inserts that may race with another inserting the same key are retried: EF Core wraps <c>SaveChanges</c> in a
/// savepoint when a transaction is open, so a unique violation leaves the transaction usable (PostgreSQL included).
/// </summary>
internal static class StoreOperations
{
    // A conflicting insert means another caller created the row between our check and our insert; the next round of
    // update or delete sees it. Two rounds suffice unless rows are deleted and re-created continuously.
    private const int MaxAttempts = 3;

    /// <summary>Runs <paramref name="work"/> in the current transaction, or in a new one committed when it returns.</summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext context, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async token =>
            {
                await using var transaction = await context.Database.BeginTransactionAsync(token);
                var result = await work(token);
                await transaction.CommitAsync(token);
                return result;
            },
            cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in the current transaction, or in a new one committed when it returns.</summary>
    public static Task InTransactionAsync(this DbContext context, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        context.InTransactionAsync(
            async token =>
            {
                await work(token);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Updates the row through <paramref name="update"/> or, when there is none, inserts <paramref name="create"/>().
    /// Call inside a transaction.
    /// </summary>
    public static async Task UpsertAsync<TEntity>(this DbContext context, Func<CancellationToken, Task<int>> update, Func<TEntity> create, CancellationToken cancellationToken)
        where TEntity : class
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await update(cancellationToken) > 0)
            {
                return;
            }

            if (await context.TryInsertAsync(create(), rethrow: attempt == MaxAttempts, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Deletes the rows <paramref name="entity"/> replaces, then inserts it. Call inside a transaction.</summary>
    public static async Task ReplaceAsync<TEntity>(this DbContext context, Func<CancellationToken, Task<int>> delete, TEntity entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        for (var attempt = 1; ; attempt++)
        {
            await delete(cancellationToken);
            if (await context.TryInsertAsync(entity, rethrow: attempt == MaxAttempts, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Inserts entities without leaving them tracked (the context is shared with the host).</summary>
    public static async Task InsertAsync<TEntity>(this DbContext context, IEnumerable<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class
    {
        var set = context.MfaSet<TEntity>();
        var added = entities.Select(set.Add).ToList();
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            added.ForEach(entry => entry.State = EntityState.Detached);
        }
    }

    private static async Task<bool> TryInsertAsync<TEntity>(this DbContext context, TEntity entity, bool rethrow, CancellationToken cancellationToken)
        where TEntity : class
    {
        try
        {
            await context.InsertAsync([entity], cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (!rethrow)
        {
            return false;
        }
    }
}

using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Transactions;

/// <summary>
/// A database transaction on the scoped context the stores share: every store call made while it is open joins it.
/// </summary>
internal sealed class EfCoreUnitOfWork(DbContext context) : IMfaUnitOfWork
{
    public async ValueTask<IMfaTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                $"A transaction is already open on the DbContext '{context.GetType().Name}'. MFA transactions do not nest: commit or dispose the open one first.");
        }

        // EF Core refuses user-initiated transactions under a retrying execution strategy (EnableRetryOnFailure):
        // a retry would have to replay the engine's whole unit of work, which only the engine could do. Fail here,
        // with the fix, rather than at the first store call inside the transaction.
        if (context.Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            throw new InvalidOperationException(
                $"The DbContext '{context.GetType().Name}' uses a retrying execution strategy (EnableRetryOnFailure), which EF Core does not allow with the transactions MFA opens for activation and resets. Give the MFA stores a context without EnableRetryOnFailure (AddEntityFrameworkStores<TContext>() with its own TContext).");
        }

        var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        return new EfCoreTransaction(transaction);
    }
}

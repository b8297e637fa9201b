using Mfa.Stores;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mfa.Storage.EfCore.Transactions;

/// <summary>An <see cref="IMfaTransaction"/> over an EF Core transaction; disposing it uncommitted rolls it back.</summary>
internal sealed class EfCoreTransaction(IDbContextTransaction transaction) : IMfaTransaction
{
    public async ValueTask CommitAsync(CancellationToken cancellationToken) => await transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}

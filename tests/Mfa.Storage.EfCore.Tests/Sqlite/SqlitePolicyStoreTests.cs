using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqlitePolicyStoreTests(SqliteDatabase database) : PolicyStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaPolicyStore CreateStore() => _scopes.Get<IMfaPolicyStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

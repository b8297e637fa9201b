using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteFactorStoreTests(SqliteDatabase database) : FactorStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaFactorStore CreateStore() => _scopes.Get<IMfaFactorStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

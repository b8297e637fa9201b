using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteResetMarkerStoreTests(SqliteDatabase database) : ResetMarkerStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaResetMarkerStore CreateStore() => _scopes.Get<IMfaResetMarkerStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

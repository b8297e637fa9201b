using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteAttemptStoreTests(SqliteDatabase database) : AttemptStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaAttemptStore CreateStore() => _scopes.Get<IMfaAttemptStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteUnitOfWorkTests(SqliteDatabase database) : UnitOfWorkSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override MfaStoreSet CreateStore() => _scopes.GetSet();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

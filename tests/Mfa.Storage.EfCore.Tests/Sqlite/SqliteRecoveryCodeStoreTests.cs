using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteRecoveryCodeStoreTests(SqliteDatabase database) : RecoveryCodeStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaRecoveryCodeStore CreateStore() => _scopes.Get<IMfaRecoveryCodeStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

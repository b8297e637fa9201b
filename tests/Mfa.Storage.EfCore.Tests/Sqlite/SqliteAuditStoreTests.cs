using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteAuditStoreTests(SqliteDatabase database) : AuditStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaAuditStore CreateStore() => _scopes.Get<IMfaAuditStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteSmsQuotaStoreTests(SqliteDatabase database) : SmsQuotaStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaSmsQuotaStore CreateStore() => _scopes.Get<IMfaSmsQuotaStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

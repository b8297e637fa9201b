using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Postgres;

public sealed class PostgresSmsQuotaStoreTests(PostgresDatabase database) : SmsQuotaStoreSpecification, IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaSmsQuotaStore CreateStore() => _scopes.Get<IMfaSmsQuotaStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

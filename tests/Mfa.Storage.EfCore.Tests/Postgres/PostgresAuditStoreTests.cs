using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Postgres;

public sealed class PostgresAuditStoreTests(PostgresDatabase database) : AuditStoreSpecification, IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaAuditStore CreateStore() => _scopes.Get<IMfaAuditStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

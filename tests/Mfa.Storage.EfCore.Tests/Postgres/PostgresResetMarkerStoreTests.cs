using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Postgres;

public sealed class PostgresResetMarkerStoreTests(PostgresDatabase database) : ResetMarkerStoreSpecification, IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaResetMarkerStore CreateStore() => _scopes.Get<IMfaResetMarkerStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

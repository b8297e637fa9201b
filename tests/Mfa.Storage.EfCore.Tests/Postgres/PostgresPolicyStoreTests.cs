using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Postgres;

public sealed class PostgresPolicyStoreTests(PostgresDatabase database) : PolicyStoreSpecification, IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaPolicyStore CreateStore() => _scopes.Get<IMfaPolicyStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;

namespace Mfa.Storage.EfCore.Tests.Postgres;

public sealed class PostgresUnitOfWorkTests(PostgresDatabase database) : UnitOfWorkSpecification, IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override MfaStoreSet CreateStore() => _scopes.GetSet();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

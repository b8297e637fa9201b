using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Postgres;

public sealed class PostgresRecoveryCodeStoreTests(PostgresDatabase database) : RecoveryCodeStoreSpecification, IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaRecoveryCodeStore CreateStore() => _scopes.Get<IMfaRecoveryCodeStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

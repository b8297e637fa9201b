using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Postgres;

public sealed class PostgresSmsChallengeStoreTests(PostgresDatabase database) : SmsChallengeStoreSpecification, IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaSmsChallengeStore CreateStore() => _scopes.Get<IMfaSmsChallengeStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

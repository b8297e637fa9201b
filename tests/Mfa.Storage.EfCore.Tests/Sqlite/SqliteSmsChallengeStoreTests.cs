using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Storage.Specification;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Sqlite;

public sealed class SqliteSmsChallengeStoreTests(SqliteDatabase database) : SmsChallengeStoreSpecification, IClassFixture<SqliteDatabase>, IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    protected override IMfaSmsChallengeStore CreateStore() => _scopes.Get<IMfaSmsChallengeStore>();

    public ValueTask DisposeAsync() => _scopes.DisposeAsync();
}

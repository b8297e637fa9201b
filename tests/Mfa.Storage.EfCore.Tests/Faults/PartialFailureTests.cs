using Mfa.Storage.EfCore.Tests.Infrastructure;
using Mfa.Stores;

namespace Mfa.Storage.EfCore.Tests.Faults;

/// <summary>A store operation that fails half-way leaves nothing of itself behind.</summary>
public abstract class PartialFailureTests(TestDatabase database) : IAsyncDisposable
{
    private readonly StoreScopes _scopes = new(database);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecoveryCodeReplace_FailingOnLastCode_KeepsOldSetWhole()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var oldKey = new byte[] { 1, 2, 3 };
        var oldHashes = Enumerable.Range(0, 10).Select(i => new byte[] { 9, (byte)i }).ToList();
        await _scopes.Get<IMfaRecoveryCodeStore>().ReplaceAsync(userId, oldKey, oldHashes, DateTimeOffset.UnixEpoch, Ct);

        // The key is updated and the old codes deleted before the new codes are inserted; the null hash makes the
        // insert fail at the database (NOT NULL), after those statements ran.
        var broken = new List<byte[]> { new byte[] { 7, 7 }, null! };
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await _scopes.Get<IMfaRecoveryCodeStore>().ReplaceAsync(userId, [4, 5, 6], broken, DateTimeOffset.UnixEpoch, Ct));

        var after = _scopes.Get<IMfaRecoveryCodeStore>();
        Assert.Equal(oldKey, await after.FindProtectedKeyAsync(userId, Ct));
        Assert.Equal(10, await after.CountRemainingAsync(userId, Ct));
        Assert.True(await after.TryRedeemAsync(userId, oldHashes[0], DateTimeOffset.UnixEpoch, Ct));
        Assert.False(await after.TryRedeemAsync(userId, [7, 7], DateTimeOffset.UnixEpoch, Ct));
    }

    [Fact]
    public async Task UnitOfWork_StoreFailsMidTransaction_EarlierWritesRolledBack()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var stores = _scopes.GetSet();

        await using (await stores.UnitOfWork.BeginTransactionAsync(Ct))
        {
            Assert.True(await stores.Attempts.TryIncrementAsync(userId, 0, DateTimeOffset.UnixEpoch, Ct));
            await stores.ResetMarkers.SaveAsync(new MfaResetMarker { UserId = userId, ResetBy = userId, ResetAt = DateTimeOffset.UnixEpoch }, Ct);
            await Assert.ThrowsAnyAsync<Exception>(async () =>
                await stores.RecoveryCodes.ReplaceAsync(userId, [1], [null!], DateTimeOffset.UnixEpoch, Ct));
        }

        var after = _scopes.GetSet();
        Assert.Equal(MfaAttemptState.None, await after.Attempts.GetAsync(userId, Ct));
        Assert.Null(await after.ResetMarkers.FindAsync(userId, Ct));
        Assert.Null(await after.RecoveryCodes.FindProtectedKeyAsync(userId, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _scopes.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePartialFailureTests(SqliteDatabase database) : PartialFailureTests(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresPartialFailureTests(PostgresDatabase database) : PartialFailureTests(database), IClassFixture<PostgresDatabase>;

using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaRecoveryCodeStore"/> must have.</summary>
public abstract class RecoveryCodeStoreSpecification : StoreSpecification<IMfaRecoveryCodeStore>
{
    /// <summary>Ten random code hashes.</summary>
    protected static List<byte[]> NewHashes(int count = 10) => Enumerable.Range(0, count).Select(_ => RandomBytes()).ToList();

    [Fact]
    public async Task FindProtectedKey_NoSet_ReturnsNull()
    {
        var store = CreateStore();
        var userId = NewId("user");

        Assert.Null(await store.FindProtectedKeyAsync(userId, Ct));
        Assert.Equal(0, await store.CountRemainingAsync(userId, Ct));
        Assert.False(await store.TryRedeemAsync(userId, RandomBytes(), Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task Replace_NewSet_StoresKeyAndCodes()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var key = RandomBytes(100);

        await store.ReplaceAsync(userId, key, NewHashes(), Clock.GetUtcNow(), Ct);

        var other = CreateStore();
        Assert.Equal(key, await other.FindProtectedKeyAsync(userId, Ct));
        Assert.Equal(10, await other.CountRemainingAsync(userId, Ct));
    }

    [Fact]
    public async Task TryRedeem_SameCodeTwice_RedeemsOnce()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var hashes = NewHashes();
        await store.ReplaceAsync(userId, RandomBytes(), hashes, Clock.GetUtcNow(), Ct);

        Assert.True(await store.TryRedeemAsync(userId, hashes[3], Clock.GetUtcNow(), Ct));
        Assert.False(await store.TryRedeemAsync(userId, hashes[3], Clock.GetUtcNow(), Ct));
        Assert.Equal(9, await store.CountRemainingAsync(userId, Ct));
    }

    [Fact]
    public async Task TryRedeem_UnknownOrOtherUsersCode_IsRefused()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var otherUser = NewId("user");
        var otherHashes = NewHashes();
        await store.ReplaceAsync(userId, RandomBytes(), NewHashes(), Clock.GetUtcNow(), Ct);
        await store.ReplaceAsync(otherUser, RandomBytes(), otherHashes, Clock.GetUtcNow(), Ct);

        Assert.False(await store.TryRedeemAsync(userId, RandomBytes(), Clock.GetUtcNow(), Ct));
        Assert.False(await store.TryRedeemAsync(userId, otherHashes[0], Clock.GetUtcNow(), Ct));
        Assert.Equal(10, await store.CountRemainingAsync(userId, Ct));
        Assert.Equal(10, await store.CountRemainingAsync(otherUser, Ct));
    }

    [Fact]
    public async Task Replace_ExistingSet_OldCodesStopWorking()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var oldHashes = NewHashes();
        var newHashes = NewHashes(8);
        var newKey = RandomBytes();
        await store.ReplaceAsync(userId, RandomBytes(), oldHashes, Clock.GetUtcNow(), Ct);
        await store.TryRedeemAsync(userId, oldHashes[0], Clock.GetUtcNow(), Ct);

        await store.ReplaceAsync(userId, newKey, newHashes, Clock.GetUtcNow(), Ct);

        Assert.Equal(newKey, await store.FindProtectedKeyAsync(userId, Ct));
        Assert.Equal(8, await store.CountRemainingAsync(userId, Ct));
        Assert.False(await store.TryRedeemAsync(userId, oldHashes[1], Clock.GetUtcNow(), Ct));
        Assert.True(await store.TryRedeemAsync(userId, newHashes[1], Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task DeleteAll_RemovesKeyAndCodes()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var hashes = NewHashes();
        await store.ReplaceAsync(userId, RandomBytes(), hashes, Clock.GetUtcNow(), Ct);

        await store.DeleteAllAsync(userId, Ct);

        Assert.Null(await store.FindProtectedKeyAsync(userId, Ct));
        Assert.Equal(0, await store.CountRemainingAsync(userId, Ct));
        Assert.False(await store.TryRedeemAsync(userId, hashes[0], Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task TryRedeem_ParallelCallersSameCode_RedeemsExactlyOnce()
    {
        var userId = NewId("user");
        var hashes = NewHashes();
        await CreateStore().ReplaceAsync(userId, RandomBytes(), hashes, Clock.GetUtcNow(), Ct);

        var results = await RaceAsync(s => s.TryRedeemAsync(userId, hashes[5], Clock.GetUtcNow(), Ct));

        Assert.Single(results, r => r);
        Assert.Equal(9, await CreateStore().CountRemainingAsync(userId, Ct));
    }

    [Fact]
    public async Task Replace_ParallelCallers_LeavesExactlyOneCompleteSet()
    {
        var userId = NewId("user");
        var sets = Enumerable.Range(0, 8).Select(_ => (Key: RandomBytes(), Hashes: NewHashes())).ToList();
        var next = -1;

        await RaceAsync(async s =>
        {
            var set = sets[Interlocked.Increment(ref next)];
            await s.ReplaceAsync(userId, set.Key, set.Hashes, Clock.GetUtcNow(), Ct);
            return true;
        }, callers: sets.Count);

        var store = CreateStore();
        var key = await store.FindProtectedKeyAsync(userId, Ct);
        var winner = sets.Single(s => s.Key.AsSpan().SequenceEqual(key));
        Assert.Equal(10, await store.CountRemainingAsync(userId, Ct));
        Assert.True(await store.TryRedeemAsync(userId, winner.Hashes[9], Clock.GetUtcNow(), Ct));
    }
}

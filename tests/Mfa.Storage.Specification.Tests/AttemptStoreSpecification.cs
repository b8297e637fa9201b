using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaAttemptStore"/> must have.</summary>
public abstract class AttemptStoreSpecification : StoreSpecification<IMfaAttemptStore>
{
    [Fact]
    public async Task Get_NoFailures_ReturnsNone()
    {
        Assert.Equal(MfaAttemptState.None, await CreateStore().GetAsync(NewId("user"), Ct));
    }

    [Fact]
    public async Task TryIncrement_FromExpectedCount_CountsAndKeepsLatestTime()
    {
        var store = CreateStore();
        var userId = NewId("user");

        Assert.True(await store.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await store.TryIncrementAsync(userId, 1, Clock.GetUtcNow(), Ct));

        Assert.Equal(new MfaAttemptState(2, Clock.GetUtcNow()), await CreateStore().GetAsync(userId, Ct));
    }

    [Fact]
    public async Task TryIncrement_StaleExpectedCount_ChangesNothing()
    {
        var store = CreateStore();
        var userId = NewId("user");
        Assert.True(await store.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));
        var before = await store.GetAsync(userId, Ct);
        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(await store.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));
        Assert.False(await store.TryIncrementAsync(userId, 2, Clock.GetUtcNow(), Ct));

        Assert.Equal(before, await CreateStore().GetAsync(userId, Ct));
    }

    [Fact]
    public async Task Reset_AfterFailures_ClearsCounter()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var otherUser = NewId("user");
        Assert.True(await store.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));
        Assert.True(await store.TryIncrementAsync(otherUser, 0, Clock.GetUtcNow(), Ct));

        await store.ResetAsync(userId, Ct);

        Assert.Equal(MfaAttemptState.None, await store.GetAsync(userId, Ct));
        Assert.Equal(1, (await store.GetAsync(otherUser, Ct)).FailedCount);
        Assert.True(await store.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task TryIncrement_ParallelCallersExpectingTheSameCount_ExactlyOneWins()
    {
        var userId = NewId("user");

        var results = await RaceAsync(s => s.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));

        Assert.Single(results, won => won);
        Assert.Equal(1, (await CreateStore().GetAsync(userId, Ct)).FailedCount);
    }

    [Fact]
    public async Task TryIncrement_ParallelCallersRetryingUntilTheyWin_NeverLoseACount()
    {
        var userId = NewId("user");

        await RaceAsync(async s =>
        {
            while (true)
            {
                var state = await s.GetAsync(userId, Ct);
                if (await s.TryIncrementAsync(userId, state.FailedCount, Clock.GetUtcNow(), Ct))
                {
                    return true;
                }
            }
        });

        Assert.Equal(ParallelCallers, (await CreateStore().GetAsync(userId, Ct)).FailedCount);
    }
}

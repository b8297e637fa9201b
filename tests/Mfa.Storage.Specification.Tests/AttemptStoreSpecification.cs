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
    public async Task RecordFailure_Repeatedly_CountsAndKeepsLatestTime()
    {
        var store = CreateStore();
        var userId = NewId("user");

        var first = await store.RecordFailureAsync(userId, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await store.RecordFailureAsync(userId, Clock.GetUtcNow(), Ct);

        Assert.Equal(new MfaAttemptState(1, Clock.GetUtcNow().AddSeconds(-5)), first);
        Assert.Equal(new MfaAttemptState(2, Clock.GetUtcNow()), second);
        Assert.Equal(second, await CreateStore().GetAsync(userId, Ct));
    }

    [Fact]
    public async Task Reset_AfterFailures_ClearsCounter()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var otherUser = NewId("user");
        await store.RecordFailureAsync(userId, Clock.GetUtcNow(), Ct);
        await store.RecordFailureAsync(otherUser, Clock.GetUtcNow(), Ct);

        await store.ResetAsync(userId, Ct);

        Assert.Equal(MfaAttemptState.None, await store.GetAsync(userId, Ct));
        Assert.Equal(1, (await store.GetAsync(otherUser, Ct)).FailedCount);
        Assert.Equal(1, (await store.RecordFailureAsync(userId, Clock.GetUtcNow(), Ct)).FailedCount);
    }

    [Fact]
    public async Task RecordFailure_ParallelCallers_NeverLosesACount()
    {
        var userId = NewId("user");

        var results = await RaceAsync(s => s.RecordFailureAsync(userId, Clock.GetUtcNow(), Ct));

        Assert.Equal(ParallelCallers, (await CreateStore().GetAsync(userId, Ct)).FailedCount);
        Assert.Equal(Enumerable.Range(1, ParallelCallers), results.Select(r => r.FailedCount).Order());
    }
}

using Mfa.Stores;
using Mfa.Totp;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaFactorStore"/> must have.</summary>
public abstract class FactorStoreSpecification : StoreSpecification<IMfaFactorStore>
{
    /// <summary>A pending authenticator-app factor for <paramref name="userId"/>.</summary>
    protected MfaFactor NewPending(string userId) => new()
    {
        Id = NewId("factor"),
        UserId = userId,
        Method = MfaMethod.AuthenticatorApp,
        Status = MfaFactorStatus.Pending,
        ProtectedSecret = RandomBytes(64),
        Algorithm = TotpAlgorithm.Sha1,
        Digits = 6,
        PeriodSeconds = 30,
        PhoneNumber = "+41446681800",
        CreatedAt = Clock.GetUtcNow(),
        ExpiresAt = Clock.GetUtcNow().AddMinutes(10),
    };

    /// <summary>Saves a pending factor and activates it.</summary>
    protected async Task<MfaFactor> ActiveFactorAsync(IMfaFactorStore store, string userId, long? acceptedStep = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var factor = NewPending(userId);
        await store.SavePendingAsync(factor, Ct);
        Assert.True(await store.ActivateAsync(userId, factor.Id, Clock.GetUtcNow(), acceptedStep, Ct));
        return factor;
    }

    [Fact]
    public async Task FindActive_NoFactor_ReturnsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.FindActiveAsync(NewId("user"), Ct));
        Assert.Null(await store.FindPendingAsync(NewId("user"), Ct));
    }

    [Fact]
    public async Task SavePending_ThenFindPending_ReturnsEveryField()
    {
        var store = CreateStore();
        var factor = NewPending(NewId("user"));

        await store.SavePendingAsync(factor, Ct);
        var found = await CreateStore().FindPendingAsync(factor.UserId, Ct);

        Assert.NotNull(found);
        Assert.Equal(factor.Id, found.Id);
        Assert.Equal(factor.UserId, found.UserId);
        Assert.Equal(factor.Method, found.Method);
        Assert.Equal(MfaFactorStatus.Pending, found.Status);
        Assert.Equal(factor.ProtectedSecret, found.ProtectedSecret);
        Assert.Equal(factor.Algorithm, found.Algorithm);
        Assert.Equal(factor.Digits, found.Digits);
        Assert.Equal(factor.PeriodSeconds, found.PeriodSeconds);
        Assert.Equal(factor.PhoneNumber, found.PhoneNumber);
        Assert.Equal(factor.CreatedAt, found.CreatedAt);
        Assert.Equal(factor.ExpiresAt, found.ExpiresAt);
        Assert.Null(found.ActivatedAt);
        Assert.Null(found.LastAcceptedTimeStep);
        Assert.Null(await store.FindActiveAsync(factor.UserId, Ct));
    }

    [Fact]
    public async Task SavePending_Twice_ReplacesEarlierPending()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var first = NewPending(userId);
        var second = NewPending(userId);

        await store.SavePendingAsync(first, Ct);
        await store.SavePendingAsync(second, Ct);

        Assert.Equal(second.Id, (await store.FindPendingAsync(userId, Ct))?.Id);
        Assert.False(await store.ActivateAsync(userId, first.Id, Clock.GetUtcNow(), null, Ct));
    }

    [Fact]
    public async Task SavePending_WithActiveFactor_LeavesActiveInForce()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var active = await ActiveFactorAsync(store, userId);

        await store.SavePendingAsync(NewPending(userId), Ct);

        Assert.Equal(active.Id, (await store.FindActiveAsync(userId, Ct))?.Id);
    }

    [Fact]
    public async Task Activate_PendingFactor_ReplacesActiveAndRecordsTimeStep()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var old = await ActiveFactorAsync(store, userId);
        var replacement = NewPending(userId);
        await store.SavePendingAsync(replacement, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var activated = await store.ActivateAsync(userId, replacement.Id, Clock.GetUtcNow(), 42, Ct);

        Assert.True(activated);
        var active = await CreateStore().FindActiveAsync(userId, Ct);
        Assert.NotNull(active);
        Assert.Equal(replacement.Id, active.Id);
        Assert.NotEqual(old.Id, active.Id);
        Assert.Equal(MfaFactorStatus.Active, active.Status);
        Assert.Equal(Clock.GetUtcNow(), active.ActivatedAt);
        Assert.Equal(42, active.LastAcceptedTimeStep);
        Assert.Null(await store.FindPendingAsync(userId, Ct));
    }

    [Fact]
    public async Task Activate_FactorNotPending_ReturnsFalse()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var active = await ActiveFactorAsync(store, userId);

        Assert.False(await store.ActivateAsync(userId, active.Id, Clock.GetUtcNow(), null, Ct));
        Assert.False(await store.ActivateAsync(userId, NewId("factor"), Clock.GetUtcNow(), null, Ct));
        Assert.Equal(active.Id, (await store.FindActiveAsync(userId, Ct))?.Id);
    }

    [Fact]
    public async Task Activate_OtherUsersFactor_ReturnsFalseAndChangesNothing()
    {
        var store = CreateStore();
        var owner = NewId("user");
        var intruder = NewId("user");
        var intruderActive = await ActiveFactorAsync(store, intruder);
        var pending = NewPending(owner);
        await store.SavePendingAsync(pending, Ct);

        Assert.False(await store.ActivateAsync(intruder, pending.Id, Clock.GetUtcNow(), null, Ct));
        Assert.Equal(intruderActive.Id, (await store.FindActiveAsync(intruder, Ct))?.Id);
        Assert.Equal(pending.Id, (await store.FindPendingAsync(owner, Ct))?.Id);
    }

    [Fact]
    public async Task Activate_ParallelCallers_ActivatesOnce()
    {
        var store = CreateStore();
        var userId = NewId("user");
        await ActiveFactorAsync(store, userId);
        var pending = NewPending(userId);
        await store.SavePendingAsync(pending, Ct);

        var results = await RaceAsync(s => s.ActivateAsync(userId, pending.Id, Clock.GetUtcNow(), 7, Ct));

        Assert.Single(results, r => r);
        Assert.Equal(pending.Id, (await store.FindActiveAsync(userId, Ct))?.Id);
    }

    [Fact]
    public async Task TryAcceptTimeStep_SameStepTwice_AcceptsOnce()
    {
        var store = CreateStore();
        var factor = await ActiveFactorAsync(store, NewId("user"));

        Assert.True(await store.TryAcceptTimeStepAsync(factor.Id, 1000, Ct));
        Assert.False(await store.TryAcceptTimeStepAsync(factor.Id, 1000, Ct));
        Assert.Equal(1000, (await store.FindActiveAsync(factor.UserId, Ct))?.LastAcceptedTimeStep);
    }

    [Fact]
    public async Task TryAcceptTimeStep_OlderStep_IsRejected()
    {
        var store = CreateStore();
        var factor = await ActiveFactorAsync(store, NewId("user"));
        await store.TryAcceptTimeStepAsync(factor.Id, 1000, Ct);

        Assert.False(await store.TryAcceptTimeStepAsync(factor.Id, 999, Ct));
        Assert.Equal(1000, (await store.FindActiveAsync(factor.UserId, Ct))?.LastAcceptedTimeStep);
    }

    [Fact]
    public async Task TryAcceptTimeStep_NewerStep_IsAccepted()
    {
        var store = CreateStore();
        var factor = await ActiveFactorAsync(store, NewId("user"));
        await store.TryAcceptTimeStepAsync(factor.Id, 1000, Ct);

        Assert.True(await store.TryAcceptTimeStepAsync(factor.Id, 1001, Ct));
    }

    [Fact]
    public async Task TryAcceptTimeStep_StepAcceptedAtActivation_IsRejected()
    {
        var store = CreateStore();
        var factor = await ActiveFactorAsync(store, NewId("user"), acceptedStep: 500);

        Assert.False(await store.TryAcceptTimeStepAsync(factor.Id, 500, Ct));
        Assert.True(await store.TryAcceptTimeStepAsync(factor.Id, 501, Ct));
    }

    [Fact]
    public async Task TryAcceptTimeStep_UnknownFactor_ReturnsFalse()
    {
        Assert.False(await CreateStore().TryAcceptTimeStepAsync(NewId("factor"), 1, Ct));
    }

    [Fact]
    public async Task TryAcceptTimeStep_ParallelCallersSameStep_AcceptsExactlyOne()
    {
        var factor = await ActiveFactorAsync(CreateStore(), NewId("user"));

        var results = await RaceAsync(s => s.TryAcceptTimeStepAsync(factor.Id, 2000, Ct));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task TryAcceptTimeStep_ParallelCallersIncreasingSteps_EndsAtHighestStep()
    {
        var factor = await ActiveFactorAsync(CreateStore(), NewId("user"));
        var step = 3000;

        var results = await RaceAsync(s => s.TryAcceptTimeStepAsync(factor.Id, Interlocked.Increment(ref step), Ct));

        Assert.Contains(true, results);
        Assert.Equal(3000 + ParallelCallers, (await CreateStore().FindActiveAsync(factor.UserId, Ct))?.LastAcceptedTimeStep);
    }

    [Fact]
    public async Task DeletePending_KeepsActive()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var active = await ActiveFactorAsync(store, userId);
        await store.SavePendingAsync(NewPending(userId), Ct);

        await store.DeletePendingAsync(userId, Ct);

        Assert.Null(await store.FindPendingAsync(userId, Ct));
        Assert.Equal(active.Id, (await store.FindActiveAsync(userId, Ct))?.Id);
    }

    [Fact]
    public async Task DeleteAll_ActiveAndPending_DeletesBothAndCountsThem()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var other = await ActiveFactorAsync(store, NewId("user"));
        await ActiveFactorAsync(store, userId);
        await store.SavePendingAsync(NewPending(userId), Ct);

        var deleted = await store.DeleteAllAsync(userId, Ct);

        Assert.Equal(2, deleted);
        Assert.Null(await store.FindActiveAsync(userId, Ct));
        Assert.Null(await store.FindPendingAsync(userId, Ct));
        Assert.Equal(other.Id, (await store.FindActiveAsync(other.UserId, Ct))?.Id);
        Assert.Equal(0, await store.DeleteAllAsync(userId, Ct));
    }
}

using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaSmsChallengeStore"/> must have.</summary>
public abstract class SmsChallengeStoreSpecification : StoreSpecification<IMfaSmsChallengeStore>
{
    /// <summary>A sign-in challenge sent now, valid for five minutes.</summary>
    protected MfaSmsChallenge NewChallenge(string userId, MfaSmsPurpose purpose = MfaSmsPurpose.SignIn) => new()
    {
        Id = NewId("challenge"),
        UserId = userId,
        Purpose = purpose,
        FactorId = NewId("factor"),
        PhoneNumber = "+41446681800",
        ProtectedKey = RandomBytes(80),
        CodeHash = RandomBytes(),
        CreatedAt = Clock.GetUtcNow(),
        LastSentAt = Clock.GetUtcNow(),
        ExpiresAt = Clock.GetUtcNow().AddMinutes(5),
        SendCount = 1,
    };

    /// <summary>Saves a new challenge and returns it.</summary>
    protected async Task<MfaSmsChallenge> SavedChallengeAsync(IMfaSmsChallengeStore store, string? userId = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var challenge = NewChallenge(userId ?? NewId("user"));
        await store.SaveAsync(challenge, Ct);
        return challenge;
    }

    [Fact]
    public async Task Find_NoChallenge_ReturnsNull()
    {
        Assert.Null(await CreateStore().FindAsync(NewId("user"), MfaSmsPurpose.SignIn, Ct));
    }

    [Fact]
    public async Task Save_ThenFind_ReturnsEveryField()
    {
        var challenge = await SavedChallengeAsync(CreateStore());

        var found = await CreateStore().FindAsync(challenge.UserId, challenge.Purpose, Ct);

        Assert.NotNull(found);
        Assert.Equal(challenge.Id, found.Id);
        Assert.Equal(challenge.UserId, found.UserId);
        Assert.Equal(challenge.Purpose, found.Purpose);
        Assert.Equal(challenge.FactorId, found.FactorId);
        Assert.Equal(challenge.PhoneNumber, found.PhoneNumber);
        Assert.Equal(challenge.ProtectedKey, found.ProtectedKey);
        Assert.Equal(challenge.CodeHash, found.CodeHash);
        Assert.Equal(challenge.CreatedAt, found.CreatedAt);
        Assert.Equal(challenge.LastSentAt, found.LastSentAt);
        Assert.Equal(challenge.ExpiresAt, found.ExpiresAt);
        Assert.Equal(1, found.SendCount);
        Assert.Equal(0, found.FailedAttempts);
    }

    [Fact]
    public async Task Save_SamePurposeTwice_ReplacesEarlierOnly()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var enrollment = NewChallenge(userId, MfaSmsPurpose.Enrollment);
        var first = NewChallenge(userId);
        var second = NewChallenge(userId);

        await store.SaveAsync(enrollment, Ct);
        await store.SaveAsync(first, Ct);
        await store.SaveAsync(second, Ct);

        Assert.Equal(second.Id, (await store.FindAsync(userId, MfaSmsPurpose.SignIn, Ct))?.Id);
        Assert.Equal(enrollment.Id, (await store.FindAsync(userId, MfaSmsPurpose.Enrollment, Ct))?.Id);
        Assert.False(await store.TryConsumeAsync(first.Id, first.CodeHash, Clock.GetUtcNow(), 5, Ct));
    }

    [Fact]
    public async Task TryReplaceCode_ExpectedSendCount_PutsNewCodeAndClearsFailures()
    {
        var store = CreateStore();
        var challenge = await SavedChallengeAsync(store);
        await store.RecordFailedAttemptAsync(challenge.Id, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var newHash = RandomBytes();

        var replaced = await store.TryReplaceCodeAsync(challenge.Id, 1, newHash, Clock.GetUtcNow(), Clock.GetUtcNow().AddMinutes(5), Ct);

        Assert.True(replaced);
        var found = await store.FindAsync(challenge.UserId, challenge.Purpose, Ct);
        Assert.NotNull(found);
        Assert.Equal(newHash, found.CodeHash);
        Assert.Equal(2, found.SendCount);
        Assert.Equal(0, found.FailedAttempts);
        Assert.Equal(Clock.GetUtcNow(), found.LastSentAt);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(5), found.ExpiresAt);
        Assert.False(await store.TryConsumeAsync(challenge.Id, challenge.CodeHash, Clock.GetUtcNow(), 5, Ct));
        Assert.True(await store.TryConsumeAsync(challenge.Id, newHash, Clock.GetUtcNow(), 5, Ct));
    }

    [Fact]
    public async Task TryReplaceCode_StaleSendCountOrGone_ReturnsFalse()
    {
        var store = CreateStore();
        var challenge = await SavedChallengeAsync(store);

        Assert.False(await store.TryReplaceCodeAsync(challenge.Id, 2, RandomBytes(), Clock.GetUtcNow(), Clock.GetUtcNow(), Ct));
        Assert.False(await store.TryReplaceCodeAsync(NewId("challenge"), 1, RandomBytes(), Clock.GetUtcNow(), Clock.GetUtcNow(), Ct));
        Assert.Equal(challenge.CodeHash, (await store.FindAsync(challenge.UserId, challenge.Purpose, Ct))?.CodeHash);
    }

    [Fact]
    public async Task TryReplaceCode_ParallelCallersSameSendCount_ReplacesOnce()
    {
        var challenge = await SavedChallengeAsync(CreateStore());

        var results = await RaceAsync(s => s.TryReplaceCodeAsync(challenge.Id, 1, RandomBytes(), Clock.GetUtcNow(), Clock.GetUtcNow().AddMinutes(5), Ct));

        Assert.Single(results, r => r);
        Assert.Equal(2, (await CreateStore().FindAsync(challenge.UserId, challenge.Purpose, Ct))?.SendCount);
    }

    [Fact]
    public async Task RecordFailedAttempt_CountsAndReturnsZeroWhenGone()
    {
        var store = CreateStore();
        var challenge = await SavedChallengeAsync(store);

        Assert.Equal(1, await store.RecordFailedAttemptAsync(challenge.Id, Ct));
        Assert.Equal(2, await store.RecordFailedAttemptAsync(challenge.Id, Ct));
        Assert.Equal(0, await store.RecordFailedAttemptAsync(NewId("challenge"), Ct));
    }

    [Fact]
    public async Task RecordFailedAttempt_ParallelCallers_NeverLosesACount()
    {
        var challenge = await SavedChallengeAsync(CreateStore());

        var results = await RaceAsync(s => s.RecordFailedAttemptAsync(challenge.Id, Ct));

        Assert.Equal(Enumerable.Range(1, ParallelCallers), results.Order());
        Assert.Equal(ParallelCallers, (await CreateStore().FindAsync(challenge.UserId, challenge.Purpose, Ct))?.FailedAttempts);
    }

    [Fact]
    public async Task TryConsume_RightCode_ConsumesOnceAndDeletes()
    {
        var store = CreateStore();
        var challenge = await SavedChallengeAsync(store);

        Assert.True(await store.TryConsumeAsync(challenge.Id, challenge.CodeHash, Clock.GetUtcNow(), 5, Ct));
        Assert.False(await store.TryConsumeAsync(challenge.Id, challenge.CodeHash, Clock.GetUtcNow(), 5, Ct));
        Assert.Null(await store.FindAsync(challenge.UserId, challenge.Purpose, Ct));
    }

    [Fact]
    public async Task TryConsume_WrongCode_IsRefusedAndKeepsChallenge()
    {
        var store = CreateStore();
        var challenge = await SavedChallengeAsync(store);

        Assert.False(await store.TryConsumeAsync(challenge.Id, RandomBytes(), Clock.GetUtcNow(), 5, Ct));
        Assert.NotNull(await store.FindAsync(challenge.UserId, challenge.Purpose, Ct));
    }

    [Fact]
    public async Task TryConsume_AtOrAfterExpiry_IsRefused()
    {
        var store = CreateStore();
        var challenge = await SavedChallengeAsync(store);

        Assert.False(await store.TryConsumeAsync(challenge.Id, challenge.CodeHash, challenge.ExpiresAt, 5, Ct));
        Assert.True(await store.TryConsumeAsync(challenge.Id, challenge.CodeHash, challenge.ExpiresAt.AddMilliseconds(-1), 5, Ct));
    }

    [Fact]
    public async Task TryConsume_TooManyFailedAttempts_IsRefused()
    {
        var store = CreateStore();
        var challenge = await SavedChallengeAsync(store);
        await store.RecordFailedAttemptAsync(challenge.Id, Ct);
        await store.RecordFailedAttemptAsync(challenge.Id, Ct);

        Assert.False(await store.TryConsumeAsync(challenge.Id, challenge.CodeHash, Clock.GetUtcNow(), 2, Ct));
        Assert.True(await store.TryConsumeAsync(challenge.Id, challenge.CodeHash, Clock.GetUtcNow(), 3, Ct));
    }

    [Fact]
    public async Task TryConsume_ParallelCallersSameCode_ConsumesExactlyOnce()
    {
        var challenge = await SavedChallengeAsync(CreateStore());

        var results = await RaceAsync(s => s.TryConsumeAsync(challenge.Id, challenge.CodeHash, Clock.GetUtcNow(), 5, Ct));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Delete_And_DeleteAll_RemoveChallenges()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var signIn = NewChallenge(userId);
        var enrollment = NewChallenge(userId, MfaSmsPurpose.Enrollment);
        var other = await SavedChallengeAsync(store);
        await store.SaveAsync(signIn, Ct);
        await store.SaveAsync(enrollment, Ct);

        await store.DeleteAsync(signIn.Id, Ct);
        Assert.Null(await store.FindAsync(userId, MfaSmsPurpose.SignIn, Ct));
        Assert.NotNull(await store.FindAsync(userId, MfaSmsPurpose.Enrollment, Ct));

        await store.DeleteAllAsync(userId, Ct);
        Assert.Null(await store.FindAsync(userId, MfaSmsPurpose.Enrollment, Ct));
        Assert.NotNull(await store.FindAsync(other.UserId, other.Purpose, Ct));
    }
}

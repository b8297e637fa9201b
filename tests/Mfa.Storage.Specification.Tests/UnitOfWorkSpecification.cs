using Mfa.Audit;
using Mfa.Stores;
using Mfa.Totp;

namespace Mfa.Storage.Specification;

/// <summary>
/// The behaviour every <see cref="IMfaUnitOfWork"/> must have: store calls made while a transaction is open succeed or
/// fail together.
/// </summary>
public abstract class UnitOfWorkSpecification : StoreSpecification<MfaStoreSet>
{
    [Fact]
    public async Task Dispose_WithoutCommit_RollsBackEveryStore()
    {
        var userId = NewId("user");
        var organizationId = NewId("org");
        var existing = await SeedActiveFactorAsync(CreateStore(), userId);
        var stores = CreateStore();

        await using (await stores.UnitOfWork.BeginTransactionAsync(Ct))
        {
            await WriteEverythingAsync(stores, userId, organizationId, existing);
        }

        await AssertNothingWrittenAsync(CreateStore(), userId, organizationId, existing);
    }

    [Fact]
    public async Task Exception_InsideTransaction_LeavesNoPartialState()
    {
        var userId = NewId("user");
        var organizationId = NewId("org");
        var existing = await SeedActiveFactorAsync(CreateStore(), userId);
        var stores = CreateStore();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var transaction = await stores.UnitOfWork.BeginTransactionAsync(Ct);
            await WriteEverythingAsync(stores, userId, organizationId, existing);
            throw new InvalidOperationException("Simulated failure after the writes, before the commit.");
        });

        await AssertNothingWrittenAsync(CreateStore(), userId, organizationId, existing);
    }

    [Fact]
    public async Task Commit_PersistsEveryStore()
    {
        var userId = NewId("user");
        var organizationId = NewId("org");
        var existing = await SeedActiveFactorAsync(CreateStore(), userId);
        var stores = CreateStore();

        await using (var transaction = await stores.UnitOfWork.BeginTransactionAsync(Ct))
        {
            await WriteEverythingAsync(stores, userId, organizationId, existing);
            await transaction.CommitAsync(Ct);
        }

        var after = CreateStore();
        Assert.NotEqual(existing.Id, (await after.Factors.FindActiveAsync(userId, Ct))?.Id);
        Assert.Equal(10, await after.RecoveryCodes.CountRemainingAsync(userId, Ct));
        Assert.Equal(1, (await after.Attempts.GetAsync(userId, Ct)).FailedCount);
        Assert.NotNull(await after.SmsChallenges.FindAsync(userId, MfaSmsPurpose.SignIn, Ct));
        Assert.NotNull(await after.Policies.FindAsync(organizationId, Ct));
        Assert.NotNull(await after.ResetMarkers.FindAsync(userId, Ct));
        Assert.Single(await after.Audit.ListAsync(organizationId, 0, 10, Ct));
        var quota = await after.SmsQuota.TryTakeAsync(new SmsQuotaRequest(NewId("send"), userId, null, Clock.GetUtcNow(), 1, null), Ct);
        Assert.Equal(SmsQuotaDecision.UserHourlyLimitReached, quota.Decision);
    }

    [Fact]
    public async Task StoreCalls_InsideTransaction_SeeTheirOwnWrites()
    {
        var userId = NewId("user");
        var stores = CreateStore();

        await using var transaction = await stores.UnitOfWork.BeginTransactionAsync(Ct);
        var factor = await SeedActiveFactorAsync(stores, userId);

        Assert.Equal(factor.Id, (await stores.Factors.FindActiveAsync(userId, Ct))?.Id);
        Assert.True(await stores.Factors.TryAcceptTimeStepAsync(factor.Id, 10, Ct));
        Assert.True(await stores.Attempts.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));
        Assert.True(await stores.Attempts.TryIncrementAsync(userId, 1, Clock.GetUtcNow(), Ct));
        Assert.Equal(2, (await stores.Attempts.GetAsync(userId, Ct)).FailedCount);
    }

    private async Task<MfaFactor> SeedActiveFactorAsync(MfaStoreSet stores, string userId)
    {
        var factor = NewFactor(userId);
        await stores.Factors.SavePendingAsync(factor, Ct);
        Assert.True(await stores.Factors.ActivateAsync(userId, factor.Id, Clock.GetUtcNow(), null, Ct));
        return factor;
    }

    private MfaFactor NewFactor(string userId) => new()
    {
        Id = NewId("factor"), UserId = userId, Method = MfaMethod.AuthenticatorApp, Status = MfaFactorStatus.Pending,
        ProtectedSecret = RandomBytes(), Algorithm = TotpAlgorithm.Sha1, Digits = 6, PeriodSeconds = 30,
        CreatedAt = Clock.GetUtcNow(),
    };

    // What an activation or reset might do: several stores, several rows each.
    private async Task WriteEverythingAsync(MfaStoreSet stores, string userId, string organizationId, MfaFactor existing)
    {
        var replacement = NewFactor(userId);
        await stores.Factors.SavePendingAsync(replacement, Ct);
        Assert.True(await stores.Factors.ActivateAsync(userId, replacement.Id, Clock.GetUtcNow(), 99, Ct));
        Assert.False(await stores.Factors.TryAcceptTimeStepAsync(existing.Id, 1, Ct));
        await stores.RecoveryCodes.ReplaceAsync(userId, RandomBytes(), Enumerable.Range(0, 10).Select(_ => RandomBytes()).ToList(), Clock.GetUtcNow(), Ct);
        Assert.True(await stores.Attempts.TryIncrementAsync(userId, 0, Clock.GetUtcNow(), Ct));
        await stores.SmsChallenges.SaveAsync(new MfaSmsChallenge
        {
            Id = NewId("challenge"), UserId = userId, Purpose = MfaSmsPurpose.SignIn, FactorId = replacement.Id,
            PhoneNumber = "+41446681800", ProtectedKey = RandomBytes(), CodeHash = RandomBytes(),
            CreatedAt = Clock.GetUtcNow(), LastSentAt = Clock.GetUtcNow(), ExpiresAt = Clock.GetUtcNow().AddMinutes(5), SendCount = 1,
        }, Ct);
        var quota = await stores.SmsQuota.TryTakeAsync(new SmsQuotaRequest(NewId("send"), userId, organizationId, Clock.GetUtcNow(), 1, 10), Ct);
        Assert.Equal(SmsQuotaDecision.Granted, quota.Decision);
        await stores.Policies.SaveAsync(new MfaOrganizationPolicy { OrganizationId = organizationId, RequireMfa = true, UpdatedAt = Clock.GetUtcNow() }, Ct);
        await stores.ResetMarkers.SaveAsync(new MfaResetMarker { UserId = userId, ResetAt = Clock.GetUtcNow(), ResetBy = userId }, Ct);
        await stores.Audit.AppendAsync(new MfaAuditRecord
        {
            Id = Guid.CreateVersion7(), OccurredAt = Clock.GetUtcNow(), EventType = MfaEventTypes.EnrollmentActivated,
            OrganizationId = organizationId, UserId = userId,
        }, Ct);
    }

    private async Task AssertNothingWrittenAsync(MfaStoreSet after, string userId, string organizationId, MfaFactor existing)
    {
        Assert.Equal(existing.Id, (await after.Factors.FindActiveAsync(userId, Ct))?.Id);
        Assert.Null(await after.Factors.FindPendingAsync(userId, Ct));
        Assert.Null(await after.RecoveryCodes.FindProtectedKeyAsync(userId, Ct));
        Assert.Equal(0, await after.RecoveryCodes.CountRemainingAsync(userId, Ct));
        Assert.Equal(MfaAttemptState.None, await after.Attempts.GetAsync(userId, Ct));
        Assert.Null(await after.SmsChallenges.FindAsync(userId, MfaSmsPurpose.SignIn, Ct));
        Assert.Null(await after.Policies.FindAsync(organizationId, Ct));
        Assert.Null(await after.ResetMarkers.FindAsync(userId, Ct));
        Assert.Empty(await after.Audit.ListAsync(organizationId, 0, 10, Ct));
        var quota = await after.SmsQuota.TryTakeAsync(new SmsQuotaRequest(NewId("send"), userId, null, Clock.GetUtcNow(), 1, null), Ct);
        Assert.Equal(SmsQuotaDecision.Granted, quota.Decision);
    }
}

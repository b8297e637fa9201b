using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaSmsQuotaStore"/> must have.</summary>
public abstract class SmsQuotaStoreSpecification : StoreSpecification<IMfaSmsQuotaStore>
{
    /// <summary>A request at the clock's time.</summary>
    protected SmsQuotaRequest Request(string userId, string? organizationId = null, int perUser = 10, int? perOrganization = null) =>
        new(NewId("send"), userId, organizationId, Clock.GetUtcNow(), perUser, perOrganization);

    [Fact]
    public async Task TryTake_WithinLimit_IsGranted()
    {
        var result = await CreateStore().TryTakeAsync(Request(NewId("user")), Ct);

        Assert.Equal(new SmsQuotaResult(SmsQuotaDecision.Granted), result);
    }

    [Fact]
    public async Task TryTake_UserHourlyLimitReached_IsRefusedUntilOldestLeavesWindow()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var firstAt = Clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SmsQuotaDecision.Granted, (await store.TryTakeAsync(Request(userId, perUser: 3), Ct)).Decision);
            Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var refused = await store.TryTakeAsync(Request(userId, perUser: 3), Ct);
        Clock.SetUtcNow(firstAt.AddHours(1));
        var afterWindow = await store.TryTakeAsync(Request(userId, perUser: 3), Ct);

        Assert.Equal(new SmsQuotaResult(SmsQuotaDecision.UserHourlyLimitReached, firstAt.AddHours(1)), refused);
        Assert.Equal(SmsQuotaDecision.Granted, afterWindow.Decision);
    }

    [Fact]
    public async Task TryTake_Refused_RecordsNothing()
    {
        var store = CreateStore();
        var userId = NewId("user");
        await store.TryTakeAsync(Request(userId, perUser: 1), Ct);
        await store.TryTakeAsync(Request(userId, perUser: 1), Ct);

        Assert.Equal(SmsQuotaDecision.Granted, (await store.TryTakeAsync(Request(userId, perUser: 2), Ct)).Decision);
    }

    [Fact]
    public async Task TryTake_OrganizationDailyCapReached_IsRefusedAcrossUsers()
    {
        var store = CreateStore();
        var organizationId = NewId("org");
        var firstAt = Clock.GetUtcNow();
        await store.TryTakeAsync(Request(NewId("user"), organizationId, perOrganization: 2), Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        await store.TryTakeAsync(Request(NewId("user"), organizationId, perOrganization: 2), Ct);

        var refused = await store.TryTakeAsync(Request(NewId("user"), organizationId, perOrganization: 2), Ct);
        var otherOrganization = await store.TryTakeAsync(Request(NewId("user"), NewId("org"), perOrganization: 2), Ct);
        var noCap = await store.TryTakeAsync(Request(NewId("user"), organizationId), Ct);

        Assert.Equal(new SmsQuotaResult(SmsQuotaDecision.OrganizationDailyLimitReached, firstAt.AddDays(1)), refused);
        Assert.Equal(SmsQuotaDecision.Granted, otherOrganization.Decision);
        Assert.Equal(SmsQuotaDecision.Granted, noCap.Decision);
    }

    [Fact]
    public async Task Release_GrantedSend_FreesItsSlot()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var request = Request(userId, perUser: 1);
        await store.TryTakeAsync(request, Ct);

        await store.ReleaseAsync(request.SendId, Ct);

        Assert.Equal(SmsQuotaDecision.Granted, (await store.TryTakeAsync(Request(userId, perUser: 1), Ct)).Decision);
    }

    [Fact]
    public async Task TryTake_ParallelCallersSameUser_NeverExceedUserLimit()
    {
        var userId = NewId("user");

        var results = await RaceAsync(s => s.TryTakeAsync(Request(userId, perUser: 5), Ct));

        Assert.Equal(5, results.Count(r => r.Decision == SmsQuotaDecision.Granted));
        Assert.All(results.Where(r => r.Decision != SmsQuotaDecision.Granted), r => Assert.Equal(SmsQuotaDecision.UserHourlyLimitReached, r.Decision));
    }

    [Fact]
    public async Task TryTake_ParallelCallersSameOrganization_NeverExceedOrganizationCap()
    {
        var organizationId = NewId("org");

        var results = await RaceAsync(s => s.TryTakeAsync(Request(NewId("user"), organizationId, perOrganization: 7), Ct));

        Assert.Equal(7, results.Count(r => r.Decision == SmsQuotaDecision.Granted));
        Assert.All(results.Where(r => r.Decision != SmsQuotaDecision.Granted), r => Assert.Equal(SmsQuotaDecision.OrganizationDailyLimitReached, r.Decision));
    }
}

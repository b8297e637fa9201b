using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaPolicyStore"/> must have.</summary>
public abstract class PolicyStoreSpecification : StoreSpecification<IMfaPolicyStore>
{
    [Fact]
    public async Task Find_NeverSet_ReturnsNull()
    {
        Assert.Null(await CreateStore().FindAsync(NewId("org"), Ct));
    }

    [Fact]
    public async Task Save_ThenFind_ReturnsEveryField()
    {
        var policy = new MfaOrganizationPolicy
        {
            OrganizationId = NewId("org"), RequireMfa = true, AllowSms = true, EnrollmentGracePeriod = TimeSpan.FromDays(7),
            RequiredSince = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(), UpdatedBy = NewId("owner"),
        };

        await CreateStore().SaveAsync(policy, Ct);
        var found = await CreateStore().FindAsync(policy.OrganizationId, Ct);

        Assert.NotNull(found);
        Assert.Equal(policy.OrganizationId, found.OrganizationId);
        Assert.True(found.RequireMfa);
        Assert.True(found.AllowSms);
        Assert.Equal(TimeSpan.FromDays(7), found.EnrollmentGracePeriod);
        Assert.Equal(policy.RequiredSince, found.RequiredSince);
        Assert.Equal(policy.UpdatedAt, found.UpdatedAt);
        Assert.Equal(policy.UpdatedBy, found.UpdatedBy);
    }

    [Fact]
    public async Task Save_Again_ReplacesPolicy()
    {
        var store = CreateStore();
        var organizationId = NewId("org");
        await store.SaveAsync(new MfaOrganizationPolicy { OrganizationId = organizationId, RequireMfa = true, AllowSms = true, UpdatedAt = Clock.GetUtcNow() }, Ct);
        Clock.Advance(TimeSpan.FromHours(1));

        await store.SaveAsync(new MfaOrganizationPolicy { OrganizationId = organizationId, RequireMfa = false, UpdatedAt = Clock.GetUtcNow(), UpdatedBy = "owner" }, Ct);

        var found = await CreateStore().FindAsync(organizationId, Ct);
        Assert.NotNull(found);
        Assert.False(found.RequireMfa);
        Assert.False(found.AllowSms);
        Assert.Null(found.EnrollmentGracePeriod);
        Assert.Equal(Clock.GetUtcNow(), found.UpdatedAt);
        Assert.Equal("owner", found.UpdatedBy);
    }

    [Fact]
    public async Task Save_ParallelCallersNewOrganization_LeavesOnePolicy()
    {
        var organizationId = NewId("org");

        await RaceAsync(async s =>
        {
            await s.SaveAsync(new MfaOrganizationPolicy { OrganizationId = organizationId, RequireMfa = true, UpdatedAt = Clock.GetUtcNow() }, Ct);
            return true;
        }, callers: 8);

        Assert.True((await CreateStore().FindAsync(organizationId, Ct))?.RequireMfa);
    }
}

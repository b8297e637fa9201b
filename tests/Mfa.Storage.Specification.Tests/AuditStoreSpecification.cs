using Mfa.Audit;
using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaAuditStore"/> must have.</summary>
public abstract class AuditStoreSpecification : StoreSpecification<IMfaAuditStore>
{
    /// <summary>A record for <paramref name="organizationId"/> at the clock's time.</summary>
    protected MfaAuditRecord NewRecord(string? organizationId, string eventType = MfaEventTypes.EnrollmentActivated) => new()
    {
        Id = Guid.CreateVersion7(Clock.GetUtcNow()),
        OccurredAt = Clock.GetUtcNow(),
        EventType = eventType,
        OrganizationId = organizationId,
        UserId = NewId("user"),
        ActorUserId = NewId("owner"),
        Method = MfaMethod.Sms,
        Detail = "+41 ** *** ** 00",
    };

    [Fact]
    public async Task List_NoRecords_ReturnsEmpty()
    {
        Assert.Empty(await CreateStore().ListAsync(NewId("org"), 0, 10, Ct));
    }

    [Fact]
    public async Task Append_ThenList_ReturnsEveryField()
    {
        var record = NewRecord(NewId("org"));

        await CreateStore().AppendAsync(record, Ct);
        var found = Assert.Single(await CreateStore().ListAsync(record.OrganizationId!, 0, 10, Ct));

        Assert.Equal(record.Id, found.Id);
        Assert.Equal(record.OccurredAt, found.OccurredAt);
        Assert.Equal(record.EventType, found.EventType);
        Assert.Equal(record.OrganizationId, found.OrganizationId);
        Assert.Equal(record.UserId, found.UserId);
        Assert.Equal(record.ActorUserId, found.ActorUserId);
        Assert.Equal(record.Method, found.Method);
        Assert.Equal(record.Detail, found.Detail);
    }

    [Fact]
    public async Task List_ManyRecords_NewestFirstInPages()
    {
        var store = CreateStore();
        var organizationId = NewId("org");
        var records = new List<MfaAuditRecord>();
        for (var i = 0; i < 7; i++)
        {
            var record = NewRecord(organizationId);
            records.Add(record);
            await store.AppendAsync(record, Ct);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await store.AppendAsync(NewRecord(NewId("org")), Ct);
        await store.AppendAsync(NewRecord(null), Ct);

        var newestFirst = records.AsEnumerable().Reverse().Select(r => r.Id).ToList();
        Assert.Equal(newestFirst.Take(3), (await store.ListAsync(organizationId, 0, 3, Ct)).Select(r => r.Id));
        Assert.Equal(newestFirst.Skip(3).Take(3), (await store.ListAsync(organizationId, 3, 3, Ct)).Select(r => r.Id));
        Assert.Equal(newestFirst.Skip(6), (await store.ListAsync(organizationId, 6, 3, Ct)).Select(r => r.Id));
        Assert.Empty(await store.ListAsync(organizationId, 9, 3, Ct));
    }

    [Fact]
    public async Task List_SameInstant_OrdersByIdDescending()
    {
        var store = CreateStore();
        var organizationId = NewId("org");
        var first = NewRecord(organizationId);
        var second = NewRecord(organizationId);
        await store.AppendAsync(first, Ct);
        await store.AppendAsync(second, Ct);

        var listed = await store.ListAsync(organizationId, 0, 10, Ct);

        Assert.Equal(new[] { first.Id, second.Id }.OrderDescending(), listed.Select(r => r.Id));
    }
}

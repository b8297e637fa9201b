using Mfa.Stores;

namespace Mfa.Storage.Specification;

/// <summary>The behaviour every <see cref="IMfaResetMarkerStore"/> must have.</summary>
public abstract class ResetMarkerStoreSpecification : StoreSpecification<IMfaResetMarkerStore>
{
    [Fact]
    public async Task Find_NoMarker_ReturnsNull()
    {
        Assert.Null(await CreateStore().FindAsync(NewId("user"), Ct));
    }

    [Fact]
    public async Task Save_ThenFind_ReturnsMarker()
    {
        var marker = new MfaResetMarker { UserId = NewId("user"), ResetAt = Clock.GetUtcNow(), ResetBy = NewId("owner") };

        await CreateStore().SaveAsync(marker, Ct);
        var found = await CreateStore().FindAsync(marker.UserId, Ct);

        Assert.NotNull(found);
        Assert.Equal(marker.UserId, found.UserId);
        Assert.Equal(marker.ResetAt, found.ResetAt);
        Assert.Equal(marker.ResetBy, found.ResetBy);
    }

    [Fact]
    public async Task Save_Again_ReplacesMarker()
    {
        var store = CreateStore();
        var userId = NewId("user");
        await store.SaveAsync(new MfaResetMarker { UserId = userId, ResetAt = Clock.GetUtcNow(), ResetBy = "owner" }, Ct);
        Clock.Advance(TimeSpan.FromDays(1));

        await store.SaveAsync(new MfaResetMarker { UserId = userId, ResetAt = Clock.GetUtcNow(), ResetBy = userId }, Ct);

        var found = await store.FindAsync(userId, Ct);
        Assert.Equal(Clock.GetUtcNow(), found?.ResetAt);
        Assert.Equal(userId, found?.ResetBy);
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatUsersMarker()
    {
        var store = CreateStore();
        var userId = NewId("user");
        var otherUser = NewId("user");
        await store.SaveAsync(new MfaResetMarker { UserId = userId, ResetAt = Clock.GetUtcNow(), ResetBy = "owner" }, Ct);
        await store.SaveAsync(new MfaResetMarker { UserId = otherUser, ResetAt = Clock.GetUtcNow(), ResetBy = "owner" }, Ct);

        await store.DeleteAsync(userId, Ct);
        await store.DeleteAsync(NewId("user"), Ct);

        Assert.Null(await store.FindAsync(userId, Ct));
        Assert.NotNull(await store.FindAsync(otherUser, Ct));
    }
}

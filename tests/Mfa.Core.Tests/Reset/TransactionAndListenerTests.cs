using Mfa.Audit;
using Mfa.Core.Tests.Support;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.Core.Tests.Reset;

public sealed class TransactionAndListenerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EngineHost NewHost(FailingStores failing) => new(build: b =>
    {
        b.Services.Replace(ServiceDescriptor.Singleton<IMfaRecoveryCodeStore>(sp => failing.Wrap(sp.GetRequiredService<InMemoryMfaStore>())));
        b.Services.Replace(ServiceDescriptor.Singleton<IMfaResetMarkerStore>(sp => failing.Wrap(sp.GetRequiredService<InMemoryMfaStore>())));
    });

    [Fact]
    public async Task Activation_FailingHalfWay_LeavesStateAsItWas()
    {
        var failing = new FailingStores();
        using var host = NewHost(failing);
        host.AddUser("alice");
        var key = await host.EnrolAppAsync("alice");
        var begun = (await host.Enrollment.BeginAuthenticatorAppAsync("alice", null, Ct)).Value;
        host.Events.Clear();
        failing.FailRecoveryReplace = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Enrollment.ActivateAsync("alice", host.TotpNow(begun.ManualEntryKey), Ct));

        var status = (await host.Enrollment.GetStatusAsync("alice", Ct)).Value;
        Assert.Equal(MfaMethod.AuthenticatorApp, status.ActiveMethod);
        Assert.Equal(MfaMethod.AuthenticatorApp, status.PendingMethod);
        Assert.Equal(10, status.RemainingRecoveryCodes);
        Assert.DoesNotContain(host.Events.Events, e => e.EventType == MfaEventTypes.EnrollmentActivated);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await host.SignIn.VerifyAsync("alice", host.TotpNow(key), Ct)).Succeeded);
    }

    [Fact]
    public async Task AdminReset_FailingHalfWay_LeavesStateAsItWas()
    {
        var failing = new FailingStores();
        using var host = NewHost(failing);
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");
        host.Events.Clear();
        failing.FailMarkerSave = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Reset.ResetUserAsync("owner", "alice", Ct));

        var status = (await host.Enrollment.GetStatusAsync("alice", Ct)).Value;
        Assert.Equal(MfaMethod.AuthenticatorApp, status.ActiveMethod);
        Assert.Equal(10, status.RemainingRecoveryCodes);
        Assert.Empty(host.Events.Events);
        Assert.DoesNotContain(await host.Store.ListAsync("org-1", 0, 100, Ct), r => r.EventType == MfaEventTypes.AdminReset);
    }

    [Fact]
    public async Task Disable_FailingHalfWay_LeavesStateAsItWas()
    {
        var failing = new FailingStores();
        using var host = NewHost(failing);
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");
        failing.FailRecoveryDelete = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Enrollment.DisableAsync("alice", Ct));

        var status = (await host.Enrollment.GetStatusAsync("alice", Ct)).Value;
        Assert.Equal(MfaMethod.AuthenticatorApp, status.ActiveMethod);
        Assert.Equal(10, status.RemainingRecoveryCodes);
    }

    [Fact]
    public async Task ThrowingListener_DoesNotUndoChange_AndListenersSeeCommittedState()
    {
        using var host = new EngineHost(build: b => b.AddEventListener<ThrowingListener>());
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");
        MfaFactor? seenByListener = new() { Id = "x", UserId = "x", Method = MfaMethod.Sms };
        host.Events.OnEvent = async e =>
        {
            if (e.EventType == MfaEventTypes.AdminReset)
            {
                seenByListener = await ((IMfaFactorStore)host.Store).FindActiveAsync("alice", Ct);
            }
        };

        var reset = await host.Reset.ResetUserAsync("owner", "alice", Ct);

        Assert.True(reset.Succeeded);
        Assert.Null(seenByListener);
        Assert.False((await host.Enrollment.GetStatusAsync("alice", Ct)).Value.IsEnabled);
        Assert.Contains(host.Events.Events, e => e.EventType == MfaEventTypes.AdminReset);
    }

    private sealed class ThrowingListener : IMfaEventListener
    {
        public ValueTask HandleAsync(MfaEvent mfaEvent, CancellationToken cancellationToken) => throw new InvalidOperationException("listener broke");
    }

    private sealed class FailingStores
    {
        public bool FailRecoveryReplace { get; set; }

        public bool FailRecoveryDelete { get; set; }

        public bool FailMarkerSave { get; set; }

        public Decorator Wrap(InMemoryMfaStore inner) => new(inner, this);

        public sealed class Decorator(InMemoryMfaStore inner, FailingStores failing) : IMfaRecoveryCodeStore, IMfaResetMarkerStore
        {
            private IMfaRecoveryCodeStore Codes => inner;

            private IMfaResetMarkerStore Markers => inner;

            public ValueTask ReplaceAsync(string userId, byte[] protectedKey, IReadOnlyList<byte[]> codeHashes, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
                failing.FailRecoveryReplace ? throw new InvalidOperationException("store down") : Codes.ReplaceAsync(userId, protectedKey, codeHashes, createdAt, cancellationToken);

            public ValueTask<byte[]?> FindProtectedKeyAsync(string userId, CancellationToken cancellationToken) => Codes.FindProtectedKeyAsync(userId, cancellationToken);

            public ValueTask<bool> TryRedeemAsync(string userId, byte[] codeHash, DateTimeOffset usedAt, CancellationToken cancellationToken) => Codes.TryRedeemAsync(userId, codeHash, usedAt, cancellationToken);

            public ValueTask<int> CountRemainingAsync(string userId, CancellationToken cancellationToken) => Codes.CountRemainingAsync(userId, cancellationToken);

            ValueTask IMfaRecoveryCodeStore.DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
                failing.FailRecoveryDelete ? throw new InvalidOperationException("store down") : Codes.DeleteAllAsync(userId, cancellationToken);

            public ValueTask<MfaResetMarker?> FindAsync(string userId, CancellationToken cancellationToken) => Markers.FindAsync(userId, cancellationToken);

            public ValueTask SaveAsync(MfaResetMarker marker, CancellationToken cancellationToken) =>
                failing.FailMarkerSave ? throw new InvalidOperationException("store down") : Markers.SaveAsync(marker, cancellationToken);

            public ValueTask DeleteAsync(string userId, CancellationToken cancellationToken) => Markers.DeleteAsync(userId, cancellationToken);
        }
    }
}

using Mfa.Core.Tests.Support;
using Mfa.Policy;
using Mfa.SignIn;
using Mfa.Stores;
using Mfa.Users;

namespace Mfa.Core.Tests.Reset;

public sealed class ResetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterAdminReset_DisablingAPendingEnrolment_StillLeavesEnrolmentRequired()
    {
        using var host = new EngineHost();
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");
        Assert.True((await host.Reset.ResetUserAsync("owner", "alice", Ct)).Succeeded);

        await host.Enrollment.BeginAuthenticatorAppAsync("alice", null, Ct);
        await host.Enrollment.DisableAsync("alice", Ct);
        var requirement = (await host.SignIn.GetRequirementAsync("alice", Ct)).Value;

        Assert.Equal(MfaSignInStep.Enrollment, requirement.Step);
        Assert.Equal(MfaEnrollmentReason.MfaWasReset, requirement.Reason);
    }

    [Fact]
    public async Task AdminReset_RemovesFactorsCodesAndLockState()
    {
        using var host = new EngineHost();
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");
        await host.SignIn.VerifyAsync("alice", "000000", Ct);
        await host.Enrollment.BeginSmsAsync("alice", new Mfa.Phones.PhoneNumberInput(null, EngineHost.UkMobile), Ct);

        var outcome = await host.Reset.ResetUserAsync("owner", "alice", Ct);

        Assert.Equal(2, outcome.Value.FactorsRemoved);
        Assert.Null(await ((IMfaFactorStore)host.Store).FindActiveAsync("alice", Ct));
        Assert.Null(await ((IMfaFactorStore)host.Store).FindPendingAsync("alice", Ct));
        Assert.Null(await ((IMfaRecoveryCodeStore)host.Store).FindProtectedKeyAsync("alice", Ct));
        Assert.Null(await ((IMfaSmsChallengeStore)host.Store).FindAsync("alice", MfaSmsPurpose.Enrollment, Ct));
        Assert.Equal(0, (await ((IMfaAttemptStore)host.Store).GetAsync("alice", Ct)).FailedCount);
        Assert.Equal("owner", (await ((IMfaResetMarkerStore)host.Store).FindAsync("alice", Ct))?.ResetBy);
    }

    [Fact]
    public async Task DisableAfterPolicyTurnedOff_Works()
    {
        using var host = new EngineHost();
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");
        await host.Policy.ChangeAsync("owner", "org-1", new MfaPolicyChange { RequireMfa = true }, Ct);
        var refused = await host.Enrollment.DisableAsync("alice", Ct);
        await host.Policy.ChangeAsync("owner", "org-1", new MfaPolicyChange { RequireMfa = false }, Ct);

        var disabled = await host.Enrollment.DisableAsync("alice", Ct);

        Assert.Equal(MfaErrorCodes.RequiredByOrganization, refused.Error?.Code);
        Assert.True(disabled.Succeeded);
        Assert.Equal(MfaSignInStep.None, (await host.SignIn.GetRequirementAsync("alice", Ct)).Value.Step);
    }
}

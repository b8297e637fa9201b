using Mfa.Audit;
using Mfa.Core.Tests.Support;
using Mfa.Phones;
using Mfa.Policy;
using Mfa.SignIn;
using Mfa.Users;

namespace Mfa.Core.Tests.Scenarios;

/// <summary>The flows of the help article, step by step.</summary>
public sealed class HelpArticleScenarioTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PersonalEnable_WithAuthenticatorApp_ViaManualKey()
    {
        using var host = new EngineHost();
        host.AddUser("alice");

        var begun = (await host.Enrollment.BeginAuthenticatorAppAsync("alice", new PhoneNumberInput("GB", "07400 123456"), Ct)).Value;
        Assert.Contains("secret=" + begun.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal), begun.OtpAuthUri, StringComparison.Ordinal);
        Assert.NotEmpty(begun.QrCodePng);
        var activated = await host.Enrollment.ActivateAsync("alice", host.TotpNow(begun.ManualEntryKey), Ct);

        Assert.True(activated.Succeeded);
        Assert.Equal(MfaMethod.AuthenticatorApp, (await host.SignIn.GetRequirementAsync("alice", Ct)).Value.Method);
    }

    [Fact]
    public async Task PersonalDisable_RemovesFactor()
    {
        using var host = new EngineHost();
        host.AddUser("alice");
        await host.EnrolSmsAsync("alice");

        Assert.True((await host.Enrollment.DisableAsync("alice", Ct)).Succeeded);

        Assert.False((await host.Enrollment.GetStatusAsync("alice", Ct)).Value.IsEnabled);
        Assert.Equal(MfaSignInStep.None, (await host.SignIn.GetRequirementAsync("alice", Ct)).Value.Step);
        Assert.Contains(host.Events.Events, e => e.EventType == MfaEventTypes.FactorRemoved && e.EndsSessions);
    }

    [Fact]
    public async Task OwnerRequiresMfa_MemberMustEnrol_SmsRefusedUntilOwnerAllowsIt()
    {
        using var host = new EngineHost();
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");

        var required = await host.Policy.ChangeAsync("owner", "org-1", new MfaPolicyChange { RequireMfa = true }, Ct);
        var atSignIn = (await host.SignIn.GetRequirementAsync("alice", Ct)).Value;
        var smsRefused = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        await host.Policy.ChangeAsync("owner", "org-1", new MfaPolicyChange { AllowSms = true }, Ct);
        var smsAllowed = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        var activated = await host.Enrollment.ActivateAsync("alice", host.LastSmsCode(), Ct);

        Assert.True(required.Value.RequireMfa);
        Assert.False(required.Value.AllowSms);
        Assert.Equal(MfaSignInStep.Enrollment, atSignIn.Step);
        Assert.Equal(MfaEnrollmentReason.OrganizationRequiresMfa, atSignIn.Reason);
        Assert.Equal(MfaErrorCodes.MethodNotAllowed, smsRefused.Error?.Code);
        Assert.True(smsAllowed.Succeeded);
        Assert.True(activated.Succeeded);
        Assert.Equal(MfaSignInStep.Challenge, (await host.SignIn.GetRequirementAsync("alice", Ct)).Value.Step);
    }

    [Fact]
    public async Task MemberWithSmsFactor_WhenSmsNotAllowed_MustEnrolAgain_AfterGracePeriod()
    {
        using var host = new EngineHost();
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        await host.EnrolSmsAsync("alice");

        await host.Policy.ChangeAsync("owner", "org-1", new MfaPolicyChange { RequireMfa = true, EnrollmentGracePeriod = TimeSpan.FromDays(7) }, Ct);
        var inGrace = (await host.SignIn.GetRequirementAsync("alice", Ct)).Value;
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var smsStillWorks = await host.SignIn.SendSmsCodeAsync("alice", Ct);
        host.Time.Advance(TimeSpan.FromDays(7));
        var afterGrace = (await host.SignIn.GetRequirementAsync("alice", Ct)).Value;

        Assert.Equal(MfaSignInStep.Challenge, inGrace.Step);
        Assert.Equal(MfaEnrollmentReason.SmsNotAllowed, inGrace.Reason);
        Assert.Equal(EngineHost.Start.AddDays(7), inGrace.EnrollmentDeadline);
        Assert.True(smsStillWorks.Succeeded);
        Assert.Equal(MfaSignInStep.Enrollment, afterGrace.Step);
        Assert.Equal(MfaEnrollmentReason.SmsNotAllowed, afterGrace.Reason);
    }

    [Fact]
    public async Task OwnerResetsUser_ListenerEndsSessions_UserMustEnrolAtNextSignIn()
    {
        using var host = new EngineHost();
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        host.AddUser("bob", role: MfaRole.Member);
        host.AddUser("other-owner", "org-2", MfaRole.Owner);
        await host.EnrolAppAsync("alice");

        Assert.Equal(MfaErrorCodes.NotPermitted, (await host.Reset.ResetUserAsync("bob", "alice", Ct)).Error?.Code);
        Assert.Equal(MfaErrorCodes.OtherOrganization, (await host.Reset.ResetUserAsync("other-owner", "alice", Ct)).Error?.Code);
        Assert.Equal(MfaErrorCodes.UserNotFound, (await host.Reset.ResetUserAsync("owner", "ghost", Ct)).Error?.Code);
        var reset = await host.Reset.ResetUserAsync("owner", "alice", Ct); // YES, RESET IT

        Assert.True(reset.Succeeded);
        var mfaEvent = Assert.Single(host.Events.Events, e => e.EventType == MfaEventTypes.AdminReset);
        Assert.True(mfaEvent.EndsSessions);
        Assert.Equal(("alice", "owner"), (mfaEvent.UserId, mfaEvent.ActorUserId));
        var next = (await host.SignIn.GetRequirementAsync("alice", Ct)).Value;
        Assert.Equal((MfaSignInStep.Enrollment, MfaEnrollmentReason.MfaWasReset), (next.Step, next.Reason));
        await host.EnrolAppAsync("alice");
        Assert.Equal(MfaSignInStep.Challenge, (await host.SignIn.GetRequirementAsync("alice", Ct)).Value.Step);
    }

    [Fact]
    public async Task SelfReset_OnlyWhenOrganizationRequiresMfa()
    {
        using var host = new EngineHost();
        host.AddUser("owner", role: MfaRole.Owner);
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");

        var refused = await host.Reset.ResetSelfAsync("alice", Ct);
        await host.Policy.ChangeAsync("owner", "org-1", new MfaPolicyChange { RequireMfa = true }, Ct);
        var done = await host.Reset.ResetSelfAsync("alice", Ct); // YES, DELETE IT

        Assert.Equal(MfaErrorCodes.SelfResetNotAllowed, refused.Error?.Code);
        Assert.Contains("ask an owner", refused.Error?.Description, StringComparison.OrdinalIgnoreCase);
        Assert.True(done.Succeeded);
        Assert.Contains(host.Events.Events, e => e.EventType == MfaEventTypes.SelfReset && e.EndsSessions);
        Assert.Equal(MfaEnrollmentReason.MfaWasReset, (await host.SignIn.GetRequirementAsync("alice", Ct)).Value.Reason);
    }
}

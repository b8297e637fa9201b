using Mfa.Core.Tests.Support;
using Mfa.Phones;
using Mfa.SignIn;

namespace Mfa.Core.Tests.Sms;

public sealed class SmsEnrollmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BeginSms_SendsCode_ThenActivate_MakesSmsTheFactor()
    {
        using var host = new EngineHost();
        host.AddUser("alice");

        var sent = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput("GB", "07400 123456"), Ct);
        var pendingStatus = (await host.Enrollment.GetStatusAsync("alice", Ct)).Value;
        var activated = await host.Enrollment.ActivateAsync("alice", host.LastSmsCode(), Ct);

        Assert.True(sent.Succeeded);
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(5), sent.Value.ExpiresAt);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(60), sent.Value.ResendAvailableAt);
        Assert.Equal(MfaMethod.Sms, pendingStatus.PendingMethod);
        Assert.False(pendingStatus.IsEnabled);
        Assert.True(activated.Succeeded);
        Assert.Equal(10, activated.Value.RecoveryCodes.Codes.Count);
        var status = (await host.Enrollment.GetStatusAsync("alice", Ct)).Value;
        Assert.Equal(MfaMethod.Sms, status.ActiveMethod);
        Assert.Equal("+44 •••• ••••56", status.MaskedPhoneNumber);
        Assert.Null(status.PendingMethod);
    }

    [Fact]
    public async Task Activate_WithWrongCode_LeavesEnrolmentPending()
    {
        using var host = new EngineHost();
        host.AddUser("alice");
        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);

        var wrong = await host.Enrollment.ActivateAsync("alice", EngineHost.WrongCode(host.LastSmsCode()), Ct);
        var right = await host.Enrollment.ActivateAsync("alice", host.LastSmsCode(), Ct);

        Assert.Equal(MfaErrorCodes.InvalidCode, wrong.Error?.Code);
        Assert.True(right.Succeeded);
    }

    [Fact]
    public async Task ResendSms_AfterCooldown_SendsNewCode_AndOnlyTheNewCodeActivates()
    {
        using var host = new EngineHost();
        host.AddUser("alice");
        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        var first = host.LastSmsCode();

        var tooSoon = await host.Enrollment.ResendSmsAsync("alice", Ct);
        host.Time.Advance(TimeSpan.FromSeconds(60));
        var resent = await host.Enrollment.ResendSmsAsync("alice", Ct);
        var second = host.LastSmsCode();

        Assert.Equal(MfaErrorCodes.SmsResendCooldown, tooSoon.Error?.Code);
        Assert.True(resent.Succeeded);
        if (first != second)
        {
            Assert.False((await host.Enrollment.ActivateAsync("alice", first, Ct)).Succeeded);
        }

        Assert.True((await host.Enrollment.ActivateAsync("alice", second, Ct)).Succeeded);
    }

    [Fact]
    public async Task BeginSms_WhileAppIsActive_KeepsAppValidUntilSmsIsActivated()
    {
        using var host = new EngineHost();
        host.AddUser("alice");
        var key = await host.EnrolAppAsync("alice");

        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        var requirement = (await host.SignIn.GetRequirementAsync("alice", Ct)).Value;
        var appStillWorks = await host.SignIn.VerifyAsync("alice", host.TotpNow(key), Ct);

        Assert.Equal(MfaSignInStep.Challenge, requirement.Step);
        Assert.Equal(MfaMethod.AuthenticatorApp, requirement.Method);
        Assert.True(appStillWorks.Succeeded);

        Assert.True((await host.Enrollment.ActivateAsync("alice", host.LastSmsCode(), Ct)).Succeeded);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(MfaMethod.Sms, (await host.SignIn.GetRequirementAsync("alice", Ct)).Value.Method);
        Assert.Equal(MfaErrorCodes.NoSmsChallenge, (await host.SignIn.VerifyAsync("alice", host.TotpNow(key), Ct)).Error?.Code);
    }

    [Fact]
    public async Task PendingSmsEnrolment_Expires()
    {
        using var host = new EngineHost();
        host.AddUser("alice");
        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        var code = host.LastSmsCode();

        host.Time.Advance(TimeSpan.FromMinutes(15));
        var result = await host.Enrollment.ActivateAsync("alice", code, Ct);

        Assert.Equal(MfaErrorCodes.EnrollmentExpired, result.Error?.Code);
        Assert.Null((await host.Enrollment.GetStatusAsync("alice", Ct)).Value.PendingMethod);
    }

    [Fact]
    public async Task SignInChallenge_SendSmsCode_ThenVerify()
    {
        using var host = new EngineHost();
        host.AddUser("alice");
        await host.EnrolSmsAsync("alice");

        var requirement = (await host.SignIn.GetRequirementAsync("alice", Ct)).Value;
        var sent = await host.SignIn.SendSmsCodeAsync("alice", Ct);
        var verified = await host.SignIn.VerifyAsync("alice", host.LastSmsCode(), Ct);

        Assert.Equal(MfaSignInStep.Challenge, requirement.Step);
        Assert.Equal(MfaMethod.Sms, requirement.Method);
        Assert.Equal("+44 •••• ••••56", requirement.MaskedPhoneNumber);
        Assert.True(sent.Succeeded);
        Assert.True(verified.Succeeded);
        Assert.Equal(MfaMethod.Sms, verified.Value.Method);
        Assert.Equal(10, verified.Value.RemainingRecoveryCodes);
    }

    [Fact]
    public async Task SendSmsCode_WithoutSmsFactor_IsNotEnrolled()
    {
        using var host = new EngineHost();
        host.AddUser("alice");
        await host.EnrolAppAsync("alice");

        var sent = await host.SignIn.SendSmsCodeAsync("alice", Ct);

        Assert.Equal(MfaErrorCodes.NotEnrolled, sent.Error?.Code);
    }
}

using Mfa.Core.Tests.Support;
using Mfa.Phones;
using Mfa.Sms;
using Mfa.Stores;

namespace Mfa.Core.Tests.Sms;

public sealed class SmsSendFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<SmsSendStatus, string, bool> Failures => new()
    {
        { SmsSendStatus.InvalidRecipient, MfaErrorCodes.SmsInvalidRecipient, true },
        { SmsSendStatus.RecipientOptedOut, MfaErrorCodes.SmsRecipientOptedOut, true },
        { SmsSendStatus.DestinationNotAllowed, MfaErrorCodes.SmsDestinationNotAllowed, true },
        { SmsSendStatus.RateLimited, MfaErrorCodes.SmsRateLimited, true },
        { SmsSendStatus.ConfigurationError, MfaErrorCodes.SmsDeliveryFailed, true },
        { SmsSendStatus.TransientFailure, MfaErrorCodes.SmsDeliveryFailed, true },
        { SmsSendStatus.UnknownOutcome, MfaErrorCodes.SmsDeliveryFailed, false },
    };

    private static EngineHost NewHost() => new(o => o.Sms.MaxPerUserPerHour = 2);

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task BeginSms_WhenProviderFails_LosesNothing(SmsSendStatus status, string code, bool quotaReleased)
    {
        using var host = NewHost();
        host.AddUser("alice");
        var key = await host.EnrolAppAsync("alice");
        host.Sms.Respond = _ => SmsSendResult.Failed(status, "p-1", TimeSpan.FromSeconds(20));

        var result = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);

        await AssertNothingLostAsync(host, result, code, key, MfaSmsPurpose.Enrollment);
        Assert.Equal(MfaErrorCodes.NoPendingEnrollment, (await host.Enrollment.ActivateAsync("alice", "123456", Ct)).Error?.Code);
        await AssertQuotaAsync(host, quotaReleased, () => host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task SendSmsCode_WhenProviderFails_LeavesNoValidCode(SmsSendStatus status, string code, bool quotaReleased)
    {
        using var host = NewHost();
        host.AddUser("alice");
        await host.EnrolSmsAsync("alice");
        var enrolmentCode = host.LastSmsCode();
        host.Time.Advance(TimeSpan.FromHours(1));
        host.Sms.Respond = _ => SmsSendResult.Failed(status, "p-1", TimeSpan.FromSeconds(20));

        var result = await host.SignIn.SendSmsCodeAsync("alice", Ct);

        Assert.Equal(code, result.Error?.Code);
        Assert.Null(await ((IMfaSmsChallengeStore)host.Store).FindAsync("alice", MfaSmsPurpose.SignIn, Ct));
        foreach (var guess in new[] { enrolmentCode, EngineHost.CodeIn(host.Sms.All[^1].Message.Body), "000000" })
        {
            Assert.Equal(MfaErrorCodes.NoSmsChallenge, (await host.SignIn.VerifyAsync("alice", guess, Ct)).Error?.Code);
        }

        var status2 = (await host.Enrollment.GetStatusAsync("alice", Ct)).Value;
        Assert.Equal(MfaMethod.Sms, status2.ActiveMethod);
        await AssertQuotaAsync(host, quotaReleased, () => host.SignIn.SendSmsCodeAsync("alice", Ct));
    }

    [Fact]
    public async Task RateLimited_CarriesRetryAfter()
    {
        using var host = NewHost();
        host.AddUser("alice");
        host.Sms.Respond = _ => SmsSendResult.Failed(SmsSendStatus.RateLimited, "20429", TimeSpan.FromSeconds(20));

        var result = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);

        Assert.Equal(host.Time.GetUtcNow().AddSeconds(20), result.Error?.RetryAfter);
    }

    [Fact]
    public async Task BeginSms_WhenSenderThrows_IsDeliveryFailed_AndLosesNothing()
    {
        using var host = NewHost();
        host.AddUser("alice");
        var key = await host.EnrolAppAsync("alice");
        host.Sms.Respond = _ => throw new HttpRequestException("provider down");

        var result = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);

        await AssertNothingLostAsync(host, result, MfaErrorCodes.SmsDeliveryFailed, key, MfaSmsPurpose.Enrollment);

        // The message may have left before the client threw: the send stays counted, as for UnknownOutcome.
        await AssertQuotaAsync(host, released: false, () => host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct));
    }

    [Fact]
    public async Task SendSmsCode_WhenSenderThrows_IsDeliveryFailed()
    {
        using var host = NewHost();
        host.AddUser("alice");
        await host.EnrolSmsAsync("alice");
        host.Sms.Respond = _ => throw new InvalidOperationException("bug in the provider client");

        var result = await host.SignIn.SendSmsCodeAsync("alice", Ct);

        Assert.Equal(MfaErrorCodes.SmsDeliveryFailed, result.Error?.Code);
        Assert.Equal(MfaErrorCodes.NoSmsChallenge, (await host.SignIn.VerifyAsync("alice", "123456", Ct)).Error?.Code);
    }

    [Fact]
    public async Task SendSmsCode_WhenCancelled_Throws()
    {
        using var host = NewHost();
        host.AddUser("alice");
        await host.EnrolSmsAsync("alice");
        using var cts = new CancellationTokenSource();
        host.Sms.Respond = _ =>
        {
            cts.Cancel();
            throw new OperationCanceledException(cts.Token);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.SignIn.SendSmsCodeAsync("alice", cts.Token));
        Assert.Null(await ((IMfaSmsChallengeStore)host.Store).FindAsync("alice", MfaSmsPurpose.SignIn, Ct));
    }

    private static async Task AssertNothingLostAsync(EngineHost host, MfaResult result, string code, string appKey, MfaSmsPurpose purpose)
    {
        Assert.Equal(code, result.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error?.Description));
        Assert.Null(await ((IMfaFactorStore)host.Store).FindPendingAsync("alice", Ct));
        Assert.Null(await ((IMfaSmsChallengeStore)host.Store).FindAsync("alice", purpose, Ct));
        var status = (await host.Enrollment.GetStatusAsync("alice", Ct)).Value;
        Assert.Equal(MfaMethod.AuthenticatorApp, status.ActiveMethod);
        Assert.Null(status.PendingMethod);
        Assert.Equal(10, status.RemainingRecoveryCodes);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await host.SignIn.VerifyAsync("alice", host.TotpNow(appKey), Ct)).Succeeded);
    }

    /// <summary>With 2 SMS an hour: a released failure leaves room for two more sends, a kept one for one.</summary>
    private static async Task AssertQuotaAsync(EngineHost host, bool released, Func<Task<MfaResult<SmsCodeSent>>> send)
    {
        host.Sms.Respond = _ => SmsSendResult.Accepted("SM-ok");
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var first = await send();
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var second = await send();
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(released ? null : MfaErrorCodes.SmsUserHourlyLimit, second.Error?.Code);
    }
}

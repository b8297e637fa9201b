using Mfa.Core.Tests.TestSupport;
using Mfa.Totp;
using OtpNet;

namespace Mfa.Core.Tests.Enrollment;

public sealed class AuthenticatorEnrollmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Begin_BeforeActivation_IsPendingAndNotEnabled()
    {
        await using var host = MfaTestHost.Create();

        await host.BeginAsync();

        var status = (await host.Enrollment.GetStatusAsync(MfaTestHost.UserId, Ct)).Value;
        Assert.False(status.IsEnabled);
        Assert.Equal(MfaMethod.AuthenticatorApp, status.PendingMethod);
        Assert.Null(await host.Store.FindActiveAsync(MfaTestHost.UserId, Ct));
        Assert.Equal(MfaErrorCodes.NotEnrolled, (await host.SignIn.VerifyAsync(MfaTestHost.UserId, "123456", Ct)).Error!.Code);
    }

    [Fact]
    public async Task Begin_Defaults_IssuerAccountAndExpiryAreReported()
    {
        await using var host = MfaTestHost.Create();

        var (enrollment, secret) = await host.BeginAsync();

        Assert.Equal(MfaTestHost.Issuer, enrollment.Issuer);
        Assert.Equal(MfaTestHost.AccountName, enrollment.AccountName);
        Assert.Equal(MfaTestHost.Start.AddMinutes(15), enrollment.ExpiresAt);
        Assert.Equal(20, secret.Length);
    }

    [Fact]
    public async Task Activate_ValidCode_ActivatesAndReturnsTenRecoveryCodesOf50BitsEach()
    {
        await using var host = MfaTestHost.Create();
        var (_, secret) = await host.BeginAsync();

        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);

        Assert.True(activated.Succeeded);
        Assert.Equal(MfaMethod.AuthenticatorApp, activated.Value.Method);
        var codes = activated.Value.RecoveryCodes.Codes;
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code =>
        {
            var bare = code.Replace("-", "", StringComparison.Ordinal);
            Assert.Equal(10, bare.Length); // 10 symbols of a 32-symbol alphabet: 50 bits.
            Assert.All(bare, c => Assert.Contains(c, "0123456789abcdefghjkmnpqrstvwxyz"));
        });
    }

    [Fact]
    public async Task Activate_Succeeded_StatusOnlyCountsRecoveryCodes()
    {
        await using var host = MfaTestHost.Create();

        var (_, codes) = await host.EnrollAsync();

        var status = (await host.Enrollment.GetStatusAsync(MfaTestHost.UserId, Ct)).Value;
        Assert.True(status.IsEnabled);
        Assert.Null(status.PendingMethod);
        Assert.Equal(10, status.RemainingRecoveryCodes);
        var shown = status.ToString();
        Assert.All(codes, code => Assert.DoesNotContain(code, shown, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Activate_AfterFifteenMinutes_IsEnrollmentExpired()
    {
        await using var host = MfaTestHost.Create();
        var (_, secret) = await host.BeginAsync();
        host.Time.Advance(TimeSpan.FromMinutes(15));

        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);

        Assert.Equal(MfaErrorCodes.EnrollmentExpired, activated.Error!.Code);
        Assert.Null(await host.Store.FindActiveAsync(MfaTestHost.UserId, Ct));
        Assert.Equal(MfaErrorCodes.NoPendingEnrollment, (await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct)).Error!.Code);
    }

    [Fact]
    public async Task Activate_JustBeforeFifteenMinutes_Succeeds()
    {
        await using var host = MfaTestHost.Create();
        var (_, secret) = await host.BeginAsync();
        host.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);

        Assert.True(activated.Succeeded);
    }

    [Fact]
    public async Task GetStatus_PendingEnrollmentExpired_ReportsNoPendingMethod()
    {
        await using var host = MfaTestHost.Create();
        await host.BeginAsync();
        host.Time.Advance(TimeSpan.FromMinutes(15));

        var status = (await host.Enrollment.GetStatusAsync(MfaTestHost.UserId, Ct)).Value;

        Assert.Null(status.PendingMethod);
    }

    [Fact]
    public async Task Activate_WithoutBegin_IsNoPendingEnrollment()
    {
        await using var host = MfaTestHost.Create();

        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, "123456", Ct);

        Assert.Equal(MfaErrorCodes.NoPendingEnrollment, activated.Error!.Code);
    }

    [Fact]
    public async Task Activate_WrongCode_IsInvalidCodeAndStaysPending()
    {
        await using var host = MfaTestHost.Create();
        var (_, secret) = await host.BeginAsync();

        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.WrongCode(secret), Ct);

        Assert.Equal(MfaErrorCodes.InvalidCode, activated.Error!.Code);
        Assert.NotNull(await host.Store.FindPendingAsync(MfaTestHost.UserId, Ct));
        Assert.Null(await host.Store.FindActiveAsync(MfaTestHost.UserId, Ct));
    }

    [Fact]
    public async Task BeginAgain_WhileActive_OldFactorKeepsWorkingUntilNewOneIsActivated()
    {
        await using var host = MfaTestHost.Create();
        var (oldSecret, _) = await host.EnrollAsync();
        host.AdvanceSteps(1);

        var (_, newSecret) = await host.BeginAsync();
        var beforeActivation = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(oldSecret), Ct);
        host.AdvanceSteps(1);
        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(newSecret), Ct);
        host.AdvanceSteps(1);
        var oldAfterActivation = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(oldSecret), Ct);
        var newAfterActivation = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(newSecret), Ct);

        Assert.True(beforeActivation.Succeeded);
        Assert.True(activated.Succeeded);
        Assert.Equal(MfaErrorCodes.InvalidCode, oldAfterActivation.Error!.Code);
        Assert.True(newAfterActivation.Succeeded);
    }

    [Fact]
    public async Task BeginAgain_NewEnrollmentExpires_OldFactorStillActive()
    {
        await using var host = MfaTestHost.Create();
        var (oldSecret, _) = await host.EnrollAsync();
        await host.BeginAsync();
        host.Time.Advance(TimeSpan.FromMinutes(20));

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(oldSecret), Ct);

        Assert.True(verified.Succeeded);
    }

    [Fact]
    public async Task BeginAgain_ReplacesEarlierPendingEnrollment()
    {
        await using var host = MfaTestHost.Create();
        var (_, first) = await host.BeginAsync();
        var (_, second) = await host.BeginAsync();

        var withFirst = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(first), Ct);
        var withSecond = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, host.CodeAt(second), Ct);

        Assert.Equal(MfaErrorCodes.InvalidCode, withFirst.Error!.Code);
        Assert.True(withSecond.Succeeded);
    }

    [Fact]
    public async Task Activate_CodeUsedForActivation_CannotBeReplayedAtSignIn()
    {
        await using var host = MfaTestHost.Create();
        var (_, secret) = await host.BeginAsync();
        var code = host.CodeAt(secret);
        await host.Enrollment.ActivateAsync(MfaTestHost.UserId, code, Ct);

        var replayed = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);
        var earlier = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret, -1), Ct);

        Assert.Equal(MfaErrorCodes.CodeReplayed, replayed.Error!.Code);
        Assert.Equal(MfaErrorCodes.CodeReplayed, earlier.Error!.Code);
    }

    [Theory]
    [InlineData(TotpAlgorithm.Sha256, 8, 60, "SHA256")]
    [InlineData(TotpAlgorithm.Sha512, 8, 60, "SHA512")]
    [InlineData(TotpAlgorithm.Sha512, 6, 30, "SHA512")]
    [InlineData(TotpAlgorithm.Sha1, 8, 60, "SHA1")]
    public async Task Options_AlgorithmDigitsAndPeriod_ProduceMatchingUriAndVerification(TotpAlgorithm algorithm, int digits, int period, string uriAlgorithm)
    {
        await using var host = MfaTestHost.Create(o =>
        {
            o.Totp.Algorithm = algorithm;
            o.Totp.Digits = digits;
            o.Totp.PeriodSeconds = period;
        });
        var (enrollment, secret) = await host.BeginAsync();
        var query = ParsedOtpAuthUri.Parse(enrollment.OtpAuthUri).Query;
        var mode = algorithm switch { TotpAlgorithm.Sha1 => OtpHashMode.Sha1, TotpAlgorithm.Sha256 => OtpHashMode.Sha256, _ => OtpHashMode.Sha512 };
        var reference = new OtpNet.Totp(secret, period, mode, digits);

        var activated = await host.Enrollment.ActivateAsync(MfaTestHost.UserId, reference.ComputeTotp(host.Time.GetUtcNow().UtcDateTime), Ct);
        host.Time.Advance(TimeSpan.FromSeconds(period));
        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, reference.ComputeTotp(host.Time.GetUtcNow().UtcDateTime), Ct);

        Assert.Equal(uriAlgorithm, query["algorithm"], ignoreCase: true);
        Assert.Equal(digits.ToString(System.Globalization.CultureInfo.InvariantCulture), query["digits"]);
        Assert.Equal(period.ToString(System.Globalization.CultureInfo.InvariantCulture), query["period"]);
        Assert.True(activated.Succeeded, activated.ToString());
        Assert.True(verified.Succeeded, verified.ToString());
    }

    [Fact]
    public async Task Options_SecretSize_IsHonoured()
    {
        await using var host = MfaTestHost.Create(o => o.Totp.SecretSizeBytes = 32);

        var (_, secret) = await host.BeginAsync();

        Assert.Equal(32, secret.Length);
    }

    [Fact]
    public async Task Begin_StoresSecretOnlyEncrypted()
    {
        await using var host = MfaTestHost.Create();

        var (_, secret) = await host.BeginAsync();

        var pending = await host.Store.FindPendingAsync(MfaTestHost.UserId, Ct);
        Assert.NotNull(pending!.ProtectedSecret);
        Assert.False(pending.ProtectedSecret.AsSpan().IndexOf(secret) >= 0);
        Assert.DoesNotContain(Base32Encoding.ToString(secret).TrimEnd('='), System.Text.Encoding.ASCII.GetString(pending.ProtectedSecret), StringComparison.Ordinal);
    }
}

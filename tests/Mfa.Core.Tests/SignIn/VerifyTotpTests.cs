using Mfa.Core.Tests.TestSupport;

namespace Mfa.Core.Tests.SignIn;

public sealed class VerifyTotpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MfaTestHost Host, byte[] Secret)> EnrolledAsync(Action<MfaOptions>? configure = null)
    {
        var host = MfaTestHost.Create(configure);
        var (secret, _) = await host.EnrollAsync();
        host.AdvanceSteps(5);
        return (host, secret);
    }

    [Fact]
    public async Task Verify_CurrentCode_Succeeds()
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);

        Assert.True(verified.Succeeded);
        Assert.Equal(MfaMethod.AuthenticatorApp, verified.Value.Method);
        Assert.False(verified.Value.UsedRecoveryCode);
        Assert.Equal(10, verified.Value.RemainingRecoveryCodes);
    }

    [Theory]
    [InlineData("{0} {1}")]
    [InlineData("{0}-{1}")]
    [InlineData(" {0}{1} ")]
    [InlineData("{0} - {1}")]
    public async Task Verify_SpacesAndHyphens_AreTolerated(string shape)
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;
        var code = host.CodeAt(secret);

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, code[..3], code[3..]), Ct);

        Assert.True(verified.Succeeded, verified.ToString());
    }

    [Fact]
    public async Task Verify_CodeWithLeadingZeros_KeepsThem()
    {
        await using var host = MfaTestHost.Create();
        var (secret, _) = await host.EnrollAsync();
        // Walk forward to a step whose code starts with 0 (about one in ten).
        string code;
        do
        {
            host.AdvanceSteps(1);
            code = host.CodeAt(secret);
        }
        while (code[0] != '0');

        var withoutZero = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code.TrimStart('0'), Ct);
        var withZero = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);

        Assert.Equal(MfaErrorCodes.MalformedCode, withoutZero.Error!.Code);
        Assert.True(withZero.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("12 34 5")]
    [InlineData("１２３４５６")] // full-width digits
    [InlineData("١٢٣٤٥٦")] // Arabic-Indic digits
    [InlineData("+123456")]
    [InlineData("123456\n")]
    [InlineData("12.3456")]
    public async Task Verify_MalformedCode_IsRejectedEarlyAndNotCountedAsFailure(string code)
    {
        var (host, secret) = await EnrolledAsync(o => (o.Throttling.FreeAttempts, o.Throttling.MaxFailedAttempts) = (0, 1));
        await using var _ = host;

        var first = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);
        var second = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);
        var valid = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);

        Assert.Equal(MfaErrorCodes.MalformedCode, first.Error!.Code);
        Assert.Equal(MfaErrorCodes.MalformedCode, second.Error!.Code);
        Assert.Equal(0, (await host.Store.GetAsync(MfaTestHost.UserId, Ct)).FailedCount);
        Assert.True(valid.Succeeded, "A malformed code must not lock the user even with MaxFailedAttempts = 1.");
    }

    [Fact]
    public async Task Verify_NullCode_IsMalformed()
    {
        var (host, _) = await EnrolledAsync();
        await using var _ = host;

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, null!, Ct);

        Assert.Equal(MfaErrorCodes.MalformedCode, verified.Error!.Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task Verify_DefaultWindow_AcceptsOneStepEitherSide(int offset)
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret, offset), Ct);

        Assert.True(verified.Succeeded);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(-3)]
    [InlineData(3)]
    public async Task Verify_DefaultWindow_RejectsTwoStepsAway(int offset)
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret, offset), Ct);

        Assert.Equal(MfaErrorCodes.InvalidCode, verified.Error!.Code);
    }

    [Fact]
    public async Task Verify_ReplayedCode_IsRejected()
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;
        var code = host.CodeAt(secret);
        await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);

        var replayed = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);

        Assert.Equal(MfaErrorCodes.CodeReplayed, replayed.Error!.Code);
    }

    [Fact]
    public async Task Verify_ReplayedCodeInNextStep_IsStillRejected()
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;
        var code = host.CodeAt(secret);
        await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);
        host.AdvanceSteps(1);

        var replayed = await host.SignIn.VerifyAsync(MfaTestHost.UserId, code, Ct);

        Assert.Equal(MfaErrorCodes.CodeReplayed, replayed.Error!.Code);
    }

    [Fact]
    public async Task Verify_OlderStepAfterNewerAccepted_IsRejected()
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;
        await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret, 1), Ct);

        var current = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret), Ct);
        var previous = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.CodeAt(secret, -1), Ct);

        Assert.False(current.Succeeded);
        Assert.False(previous.Succeeded);
        Assert.Equal(MfaErrorCodes.CodeReplayed, current.Error!.Code);
    }

    [Fact]
    public async Task Verify_WrongCode_IsInvalidCode()
    {
        var (host, secret) = await EnrolledAsync();
        await using var _ = host;

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, host.WrongCode(secret), Ct);

        Assert.Equal(MfaErrorCodes.InvalidCode, verified.Error!.Code);
        Assert.Null(verified.Error.RetryAfter);
    }

    [Fact]
    public async Task Verify_UserWithoutFactor_IsNotEnrolled()
    {
        await using var host = MfaTestHost.Create();

        var verified = await host.SignIn.VerifyAsync(MfaTestHost.UserId, "123456", Ct);

        Assert.Equal(MfaErrorCodes.NotEnrolled, verified.Error!.Code);
    }

    [Fact]
    public async Task GetRequirement_EnrolledUser_IsAuthenticatorChallenge()
    {
        var (host, _) = await EnrolledAsync();
        await using var _ = host;

        var requirement = (await host.SignIn.GetRequirementAsync(MfaTestHost.UserId, Ct)).Value;

        Assert.Equal(Mfa.SignIn.MfaSignInStep.Challenge, requirement.Step);
        Assert.Equal(MfaMethod.AuthenticatorApp, requirement.Method);
    }

    [Fact]
    public async Task GetRequirement_UserWithoutFactorOrPolicy_IsNone()
    {
        await using var host = MfaTestHost.Create();

        var requirement = (await host.SignIn.GetRequirementAsync(MfaTestHost.UserId, Ct)).Value;

        Assert.Equal(Mfa.SignIn.MfaSignInStep.None, requirement.Step);
    }
}

using System.Security.Claims;
using Mfa.Enrollment;
using Mfa.Policy;
using Mfa.Reset;
using Mfa.SignIn;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Mfa.AspNetCore.Tests.SignIn;

public sealed class MfaSignInGateTests
{
    [Fact]
    public async Task Begin_UserWithoutMfa_SignsInNothingAndSaysNone()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();
        var context = TestHost.Context(scope.ServiceProvider);

        var result = await scope.ServiceProvider.GetRequiredService<MfaSignInGate>().BeginAsync(context, TestHost.Alice, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MfaSignInStep.None, result.Value.Step);
        Assert.Empty(host.Authentication.SignedIn);
    }

    [Fact]
    public async Task Begin_UserWithFactor_SignsInOnlyThePendingCookieWithUserIdAndStep()
    {
        using var host = new TestHost();
        await EnrolAppAsync(host, TestHost.Alice);
        await using var scope = host.Scope();
        var context = TestHost.Context(scope.ServiceProvider);
        var gate = scope.ServiceProvider.GetRequiredService<MfaSignInGate>();

        var result = await gate.BeginAsync(context, TestHost.Alice, isPersistent: true, TestContext.Current.CancellationToken);

        Assert.Equal(MfaSignInStep.Challenge, result.Value.Step);
        var ticket = Assert.Single(host.Authentication.SignedIn).Value;
        Assert.Equal(MfaAuthenticationDefaults.PendingScheme, ticket.AuthenticationScheme);
        Assert.Equal(
            [ClaimTypes.NameIdentifier, MfaAuthenticationDefaults.PendingStepClaimType],
            ticket.Principal.Claims.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.Equal(new MfaPendingSignIn(TestHost.Alice, MfaSignInStep.Challenge, true), await gate.GetPendingSignInAsync(context));
    }

    [Fact]
    public async Task Begin_OrganizationRequiresMfa_PendingStepIsEnrollment()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();
        var ct = TestContext.Current.CancellationToken;
        await scope.ServiceProvider.GetRequiredService<MfaPolicyService>().ChangeAsync(TestHost.Owner, "acme", new MfaPolicyChange { RequireMfa = true }, ct);
        var context = TestHost.Context(scope.ServiceProvider);
        var gate = scope.ServiceProvider.GetRequiredService<MfaSignInGate>();

        var result = await gate.BeginAsync(context, TestHost.Alice, cancellationToken: ct);

        Assert.Equal(MfaSignInStep.Enrollment, result.Value.Step);
        Assert.Equal(MfaSignInStep.Enrollment, (await gate.GetPendingSignInAsync(context))!.Step);
    }

    [Fact]
    public async Task Begin_UnknownUser_ReturnsEngineErrorAndSignsInNothing()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();
        var context = TestHost.Context(scope.ServiceProvider);

        var result = await scope.ServiceProvider.GetRequiredService<MfaSignInGate>().BeginAsync(context, "nobody", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MfaErrorCodes.UserNotFound, result.Error!.Code);
        Assert.Empty(host.Authentication.SignedIn);
    }

    [Fact]
    public async Task Complete_AfterPending_ClearsPendingAndSignsInSessionWithCurrentStampAndPersistence()
    {
        using var host = new TestHost();
        await EnrolAppAsync(host, TestHost.Alice);
        await using var scope = host.Scope();
        var context = TestHost.Context(scope.ServiceProvider);
        var gate = scope.ServiceProvider.GetRequiredService<MfaSignInGate>();
        await gate.BeginAsync(context, TestHost.Alice, isPersistent: true, TestContext.Current.CancellationToken);

        await gate.CompleteSignInAsync(context, TestHost.Principal(TestHost.Alice, stamp: "forged"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(MfaAuthenticationDefaults.PendingScheme, host.Authentication.SignedOut);
        var ticket = Assert.Single(host.Authentication.SignedIn).Value;
        Assert.Equal("Cookies", ticket.AuthenticationScheme);
        Assert.Equal("stamp-1", Assert.Single(ticket.Principal.FindAll(MfaAuthenticationDefaults.SecurityStampClaimType)).Value);
        Assert.True(ticket.Properties.IsPersistent);
    }

    [Fact]
    public async Task Complete_PrincipalOfAnotherUserThanPending_Throws()
    {
        using var host = new TestHost();
        await EnrolAppAsync(host, TestHost.Alice);
        await using var scope = host.Scope();
        var context = TestHost.Context(scope.ServiceProvider);
        var gate = scope.ServiceProvider.GetRequiredService<MfaSignInGate>();
        await gate.BeginAsync(context, TestHost.Alice, cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.CompleteSignInAsync(context, TestHost.Principal(TestHost.Owner), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Complete_PrincipalWithoutUserIdClaim_Throws()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();
        var context = TestHost.Context(scope.ServiceProvider);
        var gate = scope.ServiceProvider.GetRequiredService<MfaSignInGate>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.CompleteSignInAsync(context, new ClaimsPrincipal(new ClaimsIdentity("Cookies")), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetPendingSignIn_NoPendingCookie_IsNull()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<MfaSignInGate>().GetPendingSignInAsync(TestHost.Context(scope.ServiceProvider)));
    }

    [Fact]
    public async Task Actor_ReadsConfiguredUserIdClaim()
    {
        using var host = new TestHost(o => o.UserIdClaimType = "sub");
        await using var scope = host.Scope();
        var actor = scope.ServiceProvider.GetRequiredService<MfaActorAccessor>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-42"), new Claim(ClaimTypes.NameIdentifier, "other")], "Cookies"));

        Assert.Equal("u-42", actor.GetUserId(principal));
        Assert.Null(actor.GetUserId(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-42")]))));
    }

    [Fact]
    public async Task AdminReset_RotatesTheUsersStamp()
    {
        using var host = new TestHost();
        await EnrolAppAsync(host, TestHost.Alice);
        await using var scope = host.Scope();

        var reset = await scope.ServiceProvider.GetRequiredService<MfaResetService>().ResetUserAsync(TestHost.Owner, TestHost.Alice, TestContext.Current.CancellationToken);

        Assert.True(reset.Succeeded);
        Assert.NotEqual("stamp-1", host.Stamps.Stamps[TestHost.Alice]);
        Assert.Equal("owner-stamp", host.Stamps.Stamps[TestHost.Owner]);
    }

    [Fact]
    public async Task Disable_FactorsRemoved_RotatesStamp_ActivationDoesNot()
    {
        using var host = new TestHost();
        await EnrolAppAsync(host, TestHost.Alice);
        Assert.Equal(0, host.Stamps.Rotations);
        await using var scope = host.Scope();

        await scope.ServiceProvider.GetRequiredService<MfaEnrollmentService>().DisableAsync(TestHost.Alice, TestContext.Current.CancellationToken);

        Assert.Equal(1, host.Stamps.Rotations);
    }

    internal static async Task EnrolAppAsync(TestHost host, string userId)
    {
        await using var scope = host.Scope();
        var enrollment = scope.ServiceProvider.GetRequiredService<MfaEnrollmentService>();
        var begun = await enrollment.BeginAuthenticatorAppAsync(userId, cancellationToken: TestContext.Current.CancellationToken);
        var secret = Base32Encoding.ToBytes(begun.Value.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal));
        var code = new OtpNet.Totp(secret).ComputeTotp(host.Time.GetUtcNow().UtcDateTime);
        var activated = await enrollment.ActivateAsync(userId, code, TestContext.Current.CancellationToken);
        Assert.True(activated.Succeeded, activated.Error?.Description);
    }
}

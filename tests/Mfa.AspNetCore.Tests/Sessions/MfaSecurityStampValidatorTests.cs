using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore.Tests.Sessions;

public sealed class MfaSecurityStampValidatorTests
{
    [Fact]
    public async Task Validate_CurrentStamp_KeepsPrincipal()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();
        var context = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "stamp-1"), issued: host.Time.GetUtcNow());

        await MfaSecurityStampValidator.ValidatePrincipalAsync(context);

        Assert.NotNull(context.Principal);
        Assert.Empty(host.Authentication.SignedOut);
    }

    [Fact]
    public async Task Validate_RotatedStamp_RejectsAndSignsOut()
    {
        using var host = new TestHost();
        host.Stamps.Stamps[TestHost.Alice] = "stamp-2";
        await using var scope = host.Scope();
        var context = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "stamp-1"), issued: host.Time.GetUtcNow());

        await MfaSecurityStampValidator.ValidatePrincipalAsync(context);

        Assert.Null(context.Principal);
        Assert.Equal(["Cookies"], host.Authentication.SignedOut);
    }

    [Fact]
    public async Task Validate_PrincipalWithoutStampClaim_IsRejected()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();
        var context = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice), issued: host.Time.GetUtcNow());

        await MfaSecurityStampValidator.ValidatePrincipalAsync(context);

        Assert.Null(context.Principal);
    }

    [Fact]
    public async Task Validate_DeletedUser_IsRejected()
    {
        using var host = new TestHost();
        host.Stamps.Stamps.Remove(TestHost.Alice);
        await using var scope = host.Scope();
        var context = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "stamp-1"), issued: host.Time.GetUtcNow());

        await MfaSecurityStampValidator.ValidatePrincipalAsync(context);

        Assert.Null(context.Principal);
    }

    [Fact]
    public async Task Validate_WithinInterval_SkipsCheck_AfterInterval_Rejects()
    {
        using var host = new TestHost(o => o.SecurityStampValidationInterval = TimeSpan.FromMinutes(5));
        host.Stamps.Stamps[TestHost.Alice] = "stamp-2";
        await using var scope = host.Scope();
        var issued = host.Time.GetUtcNow();
        host.Time.Advance(TimeSpan.FromMinutes(4));
        var early = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "stamp-1"), issued);

        await MfaSecurityStampValidator.ValidatePrincipalAsync(early);
        Assert.NotNull(early.Principal);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        var late = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "stamp-1"), issued);
        await MfaSecurityStampValidator.ValidatePrincipalAsync(late);
        Assert.Null(late.Principal);
    }

    [Fact]
    public async Task Validate_WithInterval_ValidStamp_RenewsCookieAndRestartsInterval()
    {
        using var host = new TestHost(o => o.SecurityStampValidationInterval = TimeSpan.FromMinutes(5));
        await using var scope = host.Scope();
        var issued = host.Time.GetUtcNow();
        host.Time.Advance(TimeSpan.FromMinutes(6));
        var context = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "stamp-1"), issued);

        await MfaSecurityStampValidator.ValidatePrincipalAsync(context);

        Assert.True(context.ShouldRenew);
        Assert.Equal(host.Time.GetUtcNow(), context.Properties.IssuedUtc);
    }

    [Fact]
    public async Task CookieEvents_SessionScheme_IsHookedAndKeepsHostHandler()
    {
        using var host = new TestHost();
        await using var scope = host.Scope();
        var hostHandlerCalls = 0;
        var options = new CookieAuthenticationOptions();
        options.Events.OnValidatePrincipal = _ =>
        {
            hostHandlerCalls++;
            return Task.CompletedTask;
        };
        foreach (var post in scope.ServiceProvider.GetServices<IPostConfigureOptions<CookieAuthenticationOptions>>().Where(p => p.GetType().Name == "SecurityStampCookieEvents"))
        {
            post.PostConfigure("Cookies", options);
        }

        var stale = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "old"), host.Time.GetUtcNow(), options);
        await options.Events.OnValidatePrincipal(stale);
        var fresh = Validate(scope.ServiceProvider, TestHost.Principal(TestHost.Alice, "stamp-1"), host.Time.GetUtcNow(), options);
        await options.Events.OnValidatePrincipal(fresh);

        Assert.Null(stale.Principal);
        Assert.NotNull(fresh.Principal);
        Assert.Equal(1, hostHandlerCalls);
    }

    private static CookieValidatePrincipalContext Validate(IServiceProvider services, ClaimsPrincipal principal, DateTimeOffset issued, CookieAuthenticationOptions? options = null)
    {
        var scheme = new AuthenticationScheme("Cookies", null, typeof(CookieAuthenticationHandler));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = issued }, "Cookies");
        return new CookieValidatePrincipalContext(TestHost.Context(services), scheme, options ?? new CookieAuthenticationOptions(), ticket);
    }
}

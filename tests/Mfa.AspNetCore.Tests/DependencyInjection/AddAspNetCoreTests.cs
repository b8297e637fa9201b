using Mfa.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore.Tests.DependencyInjection;

public sealed class AddAspNetCoreTests
{
    [Fact]
    public async Task AddAspNetCore_RegistersPendingSchemePolicyListenerAndSessionHook()
    {
        var services = new ServiceCollection();
        services.AddAuthentication().AddCookie();
        services.AddMfa(o => o.Issuer = "Tests").AddInMemoryStores().AddAspNetCore<InMemoryStampStore>(o => o.PendingSignInLifetime = TimeSpan.FromMinutes(3));
        services.AddSingleton<SharedStamps>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var schemes = provider.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(MfaAuthenticationDefaults.PendingScheme));
        var pending = provider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(MfaAuthenticationDefaults.PendingScheme);
        Assert.Equal(TimeSpan.FromMinutes(3), pending.ExpireTimeSpan);
        Assert.False(pending.SlidingExpiration);

        var policy = await provider.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(MfaAuthenticationDefaults.PendingSignInPolicy);
        Assert.Equal([MfaAuthenticationDefaults.PendingScheme], policy!.AuthenticationSchemes);

        Assert.Contains(scope.ServiceProvider.GetServices<IMfaEventListener>(), l => l is SecurityStampEventListener);
        var session = provider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.NotNull(session.Events.OnValidatePrincipal);
    }

    [Fact]
    public async Task AddAspNetCore_CalledTwice_RegistersOneListenerAndOneScheme()
    {
        var services = new ServiceCollection();
        services.AddSingleton<SharedStamps>();
        var mfa = services.AddMfa(o => o.Issuer = "Tests").AddInMemoryStores();
        mfa.AddAspNetCore<InMemoryStampStore>();
        mfa.AddAspNetCore<InMemoryStampStore>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        Assert.Single(scope.ServiceProvider.GetServices<IMfaEventListener>(), l => l is SecurityStampEventListener);
        Assert.Single((await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync()), s => s.Name == MfaAuthenticationDefaults.PendingScheme);
    }

    [Fact]
    public async Task Options_InvalidPendingLifetime_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<SharedStamps>();
        services.AddMfa(o => o.Issuer = "Tests").AddInMemoryStores().AddAspNetCore<InMemoryStampStore>(o => o.PendingSignInLifetime = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MfaAspNetCoreOptions>>().Value);
    }
}

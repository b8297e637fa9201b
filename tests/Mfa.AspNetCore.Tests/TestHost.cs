using System.Security.Claims;
using Mfa.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.AspNetCore.Tests;

/// <summary>The engine with in-memory stores and the ASP.NET Core glue, with a recording authentication service.</summary>
internal sealed class TestHost : IDisposable
{
    public const string Alice = "alice";
    public const string Owner = "owner";

    private readonly ServiceProvider _root;

    public TestHost(Action<MfaAspNetCoreOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Stamps);
        services.AddSingleton(Authentication);
        services.AddSingleton<IAuthenticationService>(Authentication);
        services.AddSingleton<IMfaUserDirectory>(new InMemoryMfaUserDirectory()
            .Add(new MfaUser(Alice, "alice@example.test", "acme"))
            .Add(new MfaUser(Owner, "owner@example.test", "acme", MfaRole.Owner)));
        services.AddMfa(o => o.Issuer = "Tests").AddInMemoryStores().AddAspNetCore<InMemoryStampStore>(configure);
        _root = services.BuildServiceProvider(validateScopes: true);
        Stamps.Stamps[Alice] = "stamp-1";
        Stamps.Stamps[Owner] = "owner-stamp";
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public SharedStamps Stamps { get; } = new();

    public RecordingAuthenticationService Authentication { get; } = new();

    public AsyncServiceScope Scope() => _root.CreateAsyncScope();

    public static HttpContext Context(IServiceProvider services) => new DefaultHttpContext { RequestServices = services };

    public static ClaimsPrincipal Principal(string userId, string? stamp = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, userId) };
        if (stamp is not null)
        {
            claims.Add(new Claim(MfaAuthenticationDefaults.SecurityStampClaimType, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Cookies"));
    }

    public void Dispose() => _root.Dispose();
}

internal sealed class SharedStamps
{
    public Dictionary<string, string> Stamps { get; } = [];

    public int Rotations { get; set; }
}

internal sealed class InMemoryStampStore(SharedStamps shared) : IMfaSecurityStampStore
{
    public ValueTask<string?> GetSecurityStampAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(shared.Stamps.GetValueOrDefault(userId));

    public ValueTask RotateSecurityStampAsync(string userId, CancellationToken cancellationToken)
    {
        shared.Stamps[userId] = Guid.NewGuid().ToString("N");
        shared.Rotations++;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Remembers sign-ins per scheme and answers AuthenticateAsync from them, like a cookie jar would.</summary>
internal sealed class RecordingAuthenticationService : IAuthenticationService
{
    public Dictionary<string, AuthenticationTicket> SignedIn { get; } = [];

    public List<string> SignedOut { get; } = [];

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) =>
        Task.FromResult(scheme is not null && SignedIn.TryGetValue(scheme, out var ticket) ? AuthenticateResult.Success(ticket) : AuthenticateResult.NoResult());

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

    public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
    {
        SignedIn[scheme!] = new AuthenticationTicket(principal, properties ?? new AuthenticationProperties(), scheme!);
        return Task.CompletedTask;
    }

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
    {
        SignedIn.Remove(scheme!);
        SignedOut.Add(scheme!);
        return Task.CompletedTask;
    }
}

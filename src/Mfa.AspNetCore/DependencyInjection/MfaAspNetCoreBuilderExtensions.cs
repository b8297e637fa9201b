using Mfa.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ASP.NET Core glue to the MFA builder.</summary>
public static class MfaAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Adds the ASP.NET Core glue: <see cref="MfaSignInGate"/> and <see cref="MfaActorAccessor"/> (scoped), the
    /// <see cref="MfaAuthenticationDefaults.PendingScheme"/> cookie and the <see cref="MfaAuthenticationDefaults.PendingSignInPolicy"/>
    /// policy, an event listener that rotates the user's security stamp when the engine ends sessions (resets,
    /// factors removed), and the security-stamp check on the session cookie scheme (<see cref="MfaAspNetCoreOptions.SignInScheme"/>).
    /// Register the session cookie itself with <c>AddAuthentication().AddCookie()</c>.
    /// </summary>
    /// <typeparam name="TSecurityStampStore">The host's security stamps (scoped).</typeparam>
    /// <param name="builder">The MFA builder returned by <c>AddMfa()</c>.</param>
    /// <param name="configure">Amends the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static MfaBuilder AddAspNetCore<TSecurityStampStore>(this MfaBuilder builder, Action<MfaAspNetCoreOptions>? configure = null)
        where TSecurityStampStore : class, IMfaSecurityStampStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<MfaAspNetCoreOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserIdClaimType) && !string.IsNullOrWhiteSpace(o.SecurityStampClaimType) && !string.IsNullOrWhiteSpace(o.SignInScheme),
                "MfaAspNetCoreOptions: UserIdClaimType, SecurityStampClaimType and SignInScheme must be set.")
            .Validate(o => o.PendingSignInLifetime > TimeSpan.Zero && o.PendingSignInLifetime <= TimeSpan.FromHours(1),
                "MfaAspNetCoreOptions.PendingSignInLifetime must be positive and at most one hour.")
            .Validate(o => o.SecurityStampValidationInterval >= TimeSpan.Zero, "MfaAspNetCoreOptions.SecurityStampValidationInterval must not be negative.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<IMfaSecurityStampStore, TSecurityStampStore>());
        services.TryAddScoped<MfaSignInGate>();
        services.TryAddScoped<MfaActorAccessor>();
        builder.AddEventListener<SecurityStampEventListener>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecurityStampCookieEvents>());

        if (!services.Any(d => d.ServiceType == typeof(PendingSchemeMarker)))
        {
            services.AddSingleton<PendingSchemeMarker>();
            services.AddAuthentication().AddCookie(MfaAuthenticationDefaults.PendingScheme);
            services.AddOptions<CookieAuthenticationOptions>(MfaAuthenticationDefaults.PendingScheme)
                .Configure<IOptions<MfaAspNetCoreOptions>>((cookie, mfa) =>
                {
                    cookie.Cookie.Name = ".Mfa.Pending";
                    cookie.Cookie.HttpOnly = true;
                    cookie.Cookie.SameSite = SameSiteMode.Lax;
                    cookie.ExpireTimeSpan = mfa.Value.PendingSignInLifetime;
                    cookie.SlidingExpiration = false;
                });
            services.AddAuthorizationBuilder().AddPolicy(MfaAuthenticationDefaults.PendingSignInPolicy, policy => policy
                .AddAuthenticationSchemes(MfaAuthenticationDefaults.PendingScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(MfaAuthenticationDefaults.PendingStepClaimType));
        }

        return builder;
    }

    private sealed class PendingSchemeMarker;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore;

/// <summary>
/// Ends sessions whose security stamp is no longer the user's current one. <c>AddAspNetCore()</c> hooks it into
/// <see cref="CookieAuthenticationEvents.OnValidatePrincipal"/> of <see cref="MfaAspNetCoreOptions.SignInScheme"/>;
/// call <see cref="ValidatePrincipalAsync"/> yourself from other cookie schemes.
/// </summary>
public static class MfaSecurityStampValidator
{
    /// <summary>
    /// Validates the cookie's principal: when <see cref="MfaAspNetCoreOptions.SecurityStampValidationInterval"/> has
    /// passed since the cookie was issued, compares its stamp claim with the store's. A missing user, a missing claim
    /// or a different stamp rejects the principal and signs the cookie out.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <see cref="IMfaSecurityStampStore"/> is registered.</exception>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<MfaAspNetCoreOptions>>().Value;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var now = time.GetUtcNow();
        var interval = options.SecurityStampValidationInterval;
        if (interval > TimeSpan.Zero && context.Properties.IssuedUtc is { } issued && now - issued < interval)
        {
            return;
        }

        if (await IsCurrentAsync(principal, options, GetStore(services), context.HttpContext.RequestAborted))
        {
            if (interval > TimeSpan.Zero)
            {
                // Restart the interval: the cookie is re-issued with a new IssuedUtc.
                context.Properties.IssuedUtc = now;
                context.ShouldRenew = true;
            }

            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    internal static async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, MfaAspNetCoreOptions options, IMfaSecurityStampStore store, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirst(options.UserIdClaimType)?.Value;
        var claimed = principal.FindFirst(options.SecurityStampClaimType)?.Value;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(claimed))
        {
            return false;
        }

        var current = await store.GetSecurityStampAsync(userId, cancellationToken);
        return current is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(current), System.Text.Encoding.UTF8.GetBytes(claimed));
    }

    internal static IMfaSecurityStampStore GetStore(IServiceProvider services) =>
        services.GetService<IMfaSecurityStampStore>() ?? throw new InvalidOperationException(
            "No IMfaSecurityStampStore is registered. Call services.AddMfa(...).AddAspNetCore<TSecurityStampStore>() with the host's implementation over its user table.");
}

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore;

/// <summary>Hooks the security stamp check into the session cookie's OnValidatePrincipal, keeping any handler the host set.</summary>
internal sealed class SecurityStampCookieEvents(IOptions<MfaAspNetCoreOptions> mfaOptions) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (!string.Equals(name, mfaOptions.Value.SignInScheme, StringComparison.Ordinal))
        {
            return;
        }

        var previous = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await MfaSecurityStampValidator.ValidatePrincipalAsync(context);
            if (context.Principal is not null)
            {
                await previous(context);
            }
        };
    }
}

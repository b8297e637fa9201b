using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mfa.AspNetCore;

/// <summary>How the ASP.NET Core glue reads users from claims, signs them in and validates their sessions.</summary>
public sealed class MfaAspNetCoreOptions
{
    /// <summary>The claim carrying the host's user id. Default <see cref="ClaimTypes.NameIdentifier"/>.</summary>
    public string UserIdClaimType { get; set; } = ClaimTypes.NameIdentifier;

    /// <summary>The claim carrying the security stamp a session was issued with. Default <c>mfa:security_stamp</c>.</summary>
    public string SecurityStampClaimType { get; set; } = MfaAuthenticationDefaults.SecurityStampClaimType;

    /// <summary>
    /// The cookie scheme of the host's full sessions: <see cref="MfaSignInGate.CompleteSignInAsync"/> signs in with it and
    /// its principals are validated against the security stamp. Default <see cref="CookieAuthenticationDefaults.AuthenticationScheme"/>.
    /// </summary>
    public string SignInScheme { get; set; } = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>How long the "MFA pending" cookie lives between the password and the second factor. Default 10 minutes.</summary>
    public TimeSpan PendingSignInLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a session's security stamp is compared with the current one. Default <see cref="TimeSpan.Zero"/>:
    /// on every request, so a reset ends sessions at once (one small query per request).
    /// </summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.Zero;
}

using System.Security.Claims;
using Mfa.Samples.Data;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mfa.Samples.Web.Infrastructure;

/// <summary>The claims of a signed-in sample user. Organization and role are shown on pages; the engine re-reads them from the database.</summary>
public static class SampleClaims
{
    /// <summary>The organization claim.</summary>
    public const string Organization = "sample:org";

    /// <summary>The authorization policy of Owner pages.</summary>
    public const string OwnerPolicy = "Owner";

    /// <summary>The full session principal for <paramref name="user"/>.</summary>
    public static ClaimsPrincipal Create(SampleUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
                new Claim(Organization, user.OrganizationId),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The signed-in user's organization.</summary>
    public static string OrganizationId(this ClaimsPrincipal principal) =>
        principal.FindFirst(Organization)?.Value ?? throw new InvalidOperationException("The session has no organization claim.");

    /// <summary>The signed-in user's id.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? throw new InvalidOperationException("The session has no user id claim.");
}

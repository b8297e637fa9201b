using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore;

/// <summary>
/// Who is acting: the user id of the signed-in principal, read from <see cref="MfaAspNetCoreOptions.UserIdClaimType"/>.
/// Pass it as the actor to the engine; the engine looks up organization and role itself.
/// </summary>
public sealed class MfaActorAccessor
{
    private readonly IHttpContextAccessor _http;
    private readonly MfaAspNetCoreOptions _options;

    /// <summary>Creates the accessor (registered scoped by <c>AddAspNetCore()</c>).</summary>
    public MfaActorAccessor(IHttpContextAccessor http, IOptions<MfaAspNetCoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
    }

    /// <summary>The current request's user id, or <see langword="null"/> when the request is anonymous.</summary>
    public string? UserId => _http.HttpContext is { } context ? GetUserId(context.User) : null;

    /// <summary>The user id carried by <paramref name="principal"/>, or <see langword="null"/> when it is not authenticated.</summary>
    public string? GetUserId(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true && principal.FindFirst(_options.UserIdClaimType)?.Value is { Length: > 0 } id ? id : null;
    }

    /// <summary>The current request's user id.</summary>
    /// <exception cref="InvalidOperationException">The request is anonymous; protect the endpoint with <c>[Authorize]</c>.</exception>
    public string GetRequiredUserId() => UserId ?? throw new InvalidOperationException(
        $"The request has no authenticated user with a '{_options.UserIdClaimType}' claim; protect the endpoint with [Authorize].");
}

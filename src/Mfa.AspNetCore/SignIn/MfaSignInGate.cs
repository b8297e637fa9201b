using System.Globalization;
using System.Security.Claims;
using Mfa.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore;

/// <summary>
/// The step between the host's password check and its session: asks the engine what the user needs and, when a
/// second factor or enrolment is needed, signs in only the short-lived <see cref="MfaAuthenticationDefaults.PendingScheme"/>
/// cookie (user id and step, nothing else). After the second factor (or activation) the host calls
/// <see cref="CompleteSignInAsync"/> with its full principal.
/// </summary>
/// <example>
/// <code>
/// var user = await accounts.CheckPasswordAsync(email, password, ct);           // the host's first factor
/// var gate = await mfaGate.BeginAsync(HttpContext, user.Id, rememberMe, ct);
/// if (!gate.Succeeded) return ShowError(gate.Error.Description);
/// return gate.Value.Step switch
/// {
///     MfaSignInStep.None => await SignInAsync(user),                            // calls mfaGate.CompleteSignInAsync
///     MfaSignInStep.Challenge => RedirectToPage("/Mfa/Challenge"),
///     _ => RedirectToPage("/Mfa/Enroll"),
/// };
/// </code>
/// </example>
public sealed class MfaSignInGate
{
    private const string PersistentItem = "mfa:persistent";
    private readonly MfaSignInService _signIn;
    private readonly IMfaSecurityStampStore _stamps;
    private readonly MfaAspNetCoreOptions _options;

    /// <summary>Creates the gate (registered scoped by <c>AddAspNetCore()</c>).</summary>
    public MfaSignInGate(MfaSignInService signIn, IMfaSecurityStampStore stamps, IOptions<MfaAspNetCoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(stamps);
        ArgumentNullException.ThrowIfNull(options);
        _signIn = signIn;
        _stamps = stamps;
        _options = options.Value;
    }

    /// <summary>
    /// Call right after the password was verified. Clears any earlier pending sign-in; for
    /// <see cref="MfaSignInStep.Challenge"/> and <see cref="MfaSignInStep.Enrollment"/> signs in the pending cookie. For
    /// <see cref="MfaSignInStep.None"/> nothing is signed in: call <see cref="CompleteSignInAsync"/>.
    /// </summary>
    /// <returns>The engine's requirement, or its error (e.g. <see cref="MfaErrorCodes.UserNotFound"/>).</returns>
    public async Task<MfaResult<MfaSignInRequirement>> BeginAsync(HttpContext context, string userId, bool isPersistent = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var requirement = await _signIn.GetRequirementAsync(userId, cancellationToken);
        if (!requirement.Succeeded || requirement.Value.Step == MfaSignInStep.None)
        {
            await context.SignOutAsync(MfaAuthenticationDefaults.PendingScheme);
            return requirement;
        }

        // Signing in replaces any earlier pending cookie.

        var identity = new ClaimsIdentity(
            [
                new Claim(_options.UserIdClaimType, userId),
                new Claim(MfaAuthenticationDefaults.PendingStepClaimType, requirement.Value.Step.ToString()),
            ],
            MfaAuthenticationDefaults.PendingScheme,
            _options.UserIdClaimType,
            ClaimTypes.Role);
        var properties = new AuthenticationProperties { IsPersistent = false, AllowRefresh = false };
        properties.Items[PersistentItem] = isPersistent.ToString(CultureInfo.InvariantCulture);
        await context.SignInAsync(MfaAuthenticationDefaults.PendingScheme, new ClaimsPrincipal(identity), properties);
        return requirement;
    }

    /// <summary>The pending sign-in of this request's pending cookie, or <see langword="null"/> when there is none (or it expired).</summary>
    public async Task<MfaPendingSignIn?> GetPendingSignInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(MfaAuthenticationDefaults.PendingScheme);
        if (!result.Succeeded)
        {
            return null;
        }

        var userId = result.Principal.FindFirst(_options.UserIdClaimType)?.Value;
        var step = result.Principal.FindFirst(MfaAuthenticationDefaults.PendingStepClaimType)?.Value;
        if (string.IsNullOrEmpty(userId) || !Enum.TryParse<MfaSignInStep>(step, out var parsed) || parsed == MfaSignInStep.None)
        {
            return null;
        }

        var persistent = result.Properties.Items.TryGetValue(PersistentItem, out var value) && bool.TryParse(value, out var flag) && flag;
        return new MfaPendingSignIn(userId, parsed, persistent);
    }

    /// <summary>
    /// Signs in the host's full session: clears the pending cookie, adds the user's current security stamp to
    /// <paramref name="principal"/> and signs it in with <see cref="MfaAspNetCoreOptions.SignInScheme"/>. Call it only
    /// when <see cref="BeginAsync"/> said <see cref="MfaSignInStep.None"/>, or after the engine verified the pending
    /// user's code, recovery code or activation.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="principal">The host's principal; its first identity must carry the user id claim.</param>
    /// <param name="properties">Cookie properties; when <see langword="null"/>, persistence follows the pending sign-in.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidOperationException">The principal has no user id claim, or belongs to another user than the pending sign-in.</exception>
    public async Task CompleteSignInAsync(HttpContext context, ClaimsPrincipal principal, AuthenticationProperties? properties = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.FindFirst(_options.UserIdClaimType)?.Value ?? throw new InvalidOperationException(
            $"The principal has no '{_options.UserIdClaimType}' claim; add the user id claim (MfaAspNetCoreOptions.UserIdClaimType).");
        var pending = await GetPendingSignInAsync(context);
        if (pending is not null && !string.Equals(pending.UserId, userId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The principal is not the user of the pending sign-in.");
        }

        await context.SignOutAsync(MfaAuthenticationDefaults.PendingScheme);
        await StampAndSignInAsync(context, principal, userId, properties ?? new AuthenticationProperties { IsPersistent = pending?.IsPersistent ?? false }, cancellationToken);
    }

    /// <summary>
    /// Re-issues the current session with the user's current security stamp: for the user's own session after a
    /// change that ended their other sessions (e.g. turning MFA off). Does nothing for an anonymous request.
    /// </summary>
    public async Task RefreshSessionAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(_options.SignInScheme);
        if (!result.Succeeded && context.User.FindFirst(_options.UserIdClaimType) is null)
        {
            return;
        }

        var principal = result.Succeeded ? result.Principal : context.User;
        var userId = principal.FindFirst(_options.UserIdClaimType)!.Value;
        await StampAndSignInAsync(context, principal, userId, result.Properties ?? new AuthenticationProperties(), cancellationToken);
    }

    /// <summary>Signs out the full session and any pending sign-in.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.SignOutAsync(MfaAuthenticationDefaults.PendingScheme);
        await context.SignOutAsync(_options.SignInScheme);
    }

    private async Task StampAndSignInAsync(HttpContext context, ClaimsPrincipal principal, string userId, AuthenticationProperties properties, CancellationToken cancellationToken)
    {
        var stamp = await _stamps.GetSecurityStampAsync(userId, cancellationToken) ?? throw new InvalidOperationException(
            $"The security stamp store knows no user '{userId}'.");
        var source = principal.Identities.First();
        var identity = new ClaimsIdentity(
            source.Claims.Where(c => c.Type != _options.SecurityStampClaimType),
            source.AuthenticationType ?? _options.SignInScheme,
            source.NameClaimType,
            source.RoleClaimType);
        identity.AddClaim(new Claim(_options.SecurityStampClaimType, stamp));
        properties.IssuedUtc = null;
        await context.SignInAsync(_options.SignInScheme, new ClaimsPrincipal(identity), properties);
    }
}

using Mfa.AspNetCore;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Mfa.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Samples.Web.Pages.SignIn;

/// <summary>
/// Enrolment during sign-in, for a pending sign-in whose step is Enrollment (organization requires MFA, or MFA was
/// reset). A pending sign-in waiting for its second factor never gets here: activating would replace its factor.
/// </summary>
public sealed class EnrollModel(SampleUserAccounts accounts, MfaSignInGate gate, MfaSignInService signIn) : EnrollWizardPageModel
{
    /// <summary>Why enrolment is asked for.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <inheritdoc />
    public override string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <inheritdoc />
    public override string CancelUrl => Url.Page("/Account/Login")!;

    /// <inheritdoc />
    public override string Heading => "Set up multi-factor authentication to continue";

    /// <inheritdoc />
    protected override async Task<SampleUser?> ResolveUserAsync(CancellationToken cancellationToken)
    {
        var pending = await gate.GetPendingSignInAsync(HttpContext);
        if (pending is not { Step: MfaSignInStep.Enrollment })
        {
            return null;
        }

        // Ask again: the requirement may have changed since the password was checked.
        var requirement = await signIn.GetRequirementAsync(pending.UserId, cancellationToken);
        if (!requirement.Succeeded || requirement.Value.Step != MfaSignInStep.Enrollment)
        {
            return null;
        }

        Reason = requirement.Value.Reason switch
        {
            MfaEnrollmentReason.MfaWasReset => "Your multi-factor authentication was reset. Set it up again to sign in.",
            MfaEnrollmentReason.SmsNotAllowed => "Your organization no longer allows SMS codes. Set up an authenticator app to sign in.",
            _ => "Your organization requires multi-factor authentication. Set it up to sign in.",
        };
        return await accounts.FindByEmailAsync(pending.UserId, cancellationToken);
    }

    /// <inheritdoc />
    protected override IActionResult Denied() => RedirectToPage("/Account/Login");

    /// <inheritdoc />
    protected override Task OnActivatedAsync(SampleUser user, CancellationToken cancellationToken) =>
        gate.CompleteSignInAsync(HttpContext, SampleClaims.Create(user), cancellationToken: cancellationToken);
}

using Mfa.AspNetCore;
using Mfa.Enrollment;
using Mfa.Policy;
using Mfa.Samples.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Settings;

/// <summary>The user's MFA tile: status, the on/off toggle, and the way to reset their own MFA.</summary>
public sealed class PersonalModel(MfaEnrollmentService enrollment, MfaPolicyService policies, MfaSignInGate gate, TimeProvider time) : PageModel
{
    /// <summary>The user's MFA status.</summary>
    public MfaStatus Status { get; private set; } = new();

    /// <summary>Whether the organization requires MFA.</summary>
    public bool RequiredByOrganization { get; private set; }

    /// <summary>The error to show.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the page.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The toggle, switched off: removes the factor (refused while the organization requires MFA).</summary>
    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var disabled = await enrollment.DisableAsync(User.UserId(), cancellationToken);
        if (!disabled.Succeeded)
        {
            Error = ErrorText.Of(disabled.Error, time);
            await LoadAsync(cancellationToken);
            return Page();
        }

        // Removing factors ended every session of the user (new security stamp); keep this one.
        await gate.RefreshSessionAsync(HttpContext, cancellationToken);
        TempData["Message"] = "Multi-factor authentication is off. Your other sessions were signed out.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var status = await enrollment.GetStatusAsync(User.UserId(), cancellationToken);
        Status = status.Succeeded ? status.Value : new MfaStatus();
        var policy = await policies.GetAsync(User.UserId(), User.OrganizationId(), cancellationToken);
        RequiredByOrganization = policy.Succeeded && policy.Value.RequireMfa;
    }
}

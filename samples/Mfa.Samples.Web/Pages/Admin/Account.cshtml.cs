using Mfa.Policy;
using Mfa.Samples.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Admin;

/// <summary>The organization's MFA requirement and SMS allowance (Owners; the engine checks again).</summary>
public sealed class AccountModel(MfaPolicyService policies, TimeProvider time) : PageModel
{
    /// <summary>The current policy.</summary>
    public MfaPolicy Policy { get; private set; } = new("", false, false, null, null);

    /// <summary>The error to show.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(User.UserId(), User.OrganizationId(), cancellationToken);
        if (!policy.Succeeded)
        {
            return ErrorText.IsForbidden(policy.Error) ? Forbid() : throw new InvalidOperationException(policy.Error.Description);
        }

        Policy = policy.Value;
        return Page();
    }

    /// <summary>Turns the requirement on or off.</summary>
    public Task<IActionResult> OnPostRequireMfaAsync(bool value, CancellationToken cancellationToken) =>
        ChangeAsync(new MfaPolicyChange { RequireMfa = value }, value ? "MFA is now required for all users." : "MFA is no longer required.", cancellationToken);

    /// <summary>Allows or disallows SMS for all users.</summary>
    public Task<IActionResult> OnPostAllowSmsAsync(bool value, CancellationToken cancellationToken) =>
        ChangeAsync(new MfaPolicyChange { AllowSms = value }, value ? "Users may now use SMS." : "Users must now use an authenticator app.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(MfaPolicyChange change, string done, CancellationToken cancellationToken)
    {
        var changed = await policies.ChangeAsync(User.UserId(), User.OrganizationId(), change, cancellationToken);
        if (!changed.Succeeded)
        {
            if (ErrorText.IsForbidden(changed.Error))
            {
                return Forbid();
            }

            Error = ErrorText.Of(changed.Error, time);
            return await OnGetAsync(cancellationToken);
        }

        TempData["Message"] = done;
        return RedirectToPage();
    }
}

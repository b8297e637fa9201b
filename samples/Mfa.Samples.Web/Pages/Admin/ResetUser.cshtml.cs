using Mfa.Reset;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Admin;

/// <summary>An Owner resets a user's MFA after a confirmation. The engine checks Owner and organization again.</summary>
public sealed class ResetUserModel(SampleUserAccounts accounts, MfaResetService resets, TimeProvider time) : PageModel
{
    /// <summary>The user to reset.</summary>
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    /// <summary>That user, when of the Owner's organization.</summary>
    public SampleUser? Target { get; private set; }

    /// <summary>The error to show.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the confirmation.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Target = await accounts.FindByEmailAsync(UserId, cancellationToken);
        return Target is null ? NotFound() : Target.OrganizationId == User.OrganizationId() ? Page() : Forbid();
    }

    /// <summary>Resets the user.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reset = await resets.ResetUserAsync(User.UserId(), UserId, cancellationToken);
        if (!reset.Succeeded)
        {
            if (ErrorText.IsForbidden(reset.Error))
            {
                return Forbid();
            }

            Error = ErrorText.Of(reset.Error, time);
            Target = await accounts.FindByEmailAsync(UserId, cancellationToken);
            return Target is null ? NotFound() : Page();
        }

        TempData["Message"] = $"MFA was reset for {UserId}. They were signed out and must set up MFA at their next sign-in.";
        return RedirectToPage("/Admin/Users");
    }
}

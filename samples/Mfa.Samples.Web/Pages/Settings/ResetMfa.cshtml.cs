using Mfa.AspNetCore;
using Mfa.Reset;
using Mfa.Samples.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Settings;

/// <summary>Self reset, after the confirmation: allowed only when the organization requires MFA; signs the user out.</summary>
public sealed class ResetMfaModel(MfaResetService resets, MfaSignInGate gate, TimeProvider time) : PageModel
{
    /// <summary>The error to show.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the confirmation.</summary>
    public void OnGet()
    {
    }

    /// <summary>Resets and signs out.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reset = await resets.ResetSelfAsync(User.UserId(), cancellationToken);
        if (!reset.Succeeded)
        {
            Error = ErrorText.Of(reset.Error, time);
            return Page();
        }

        await gate.SignOutAsync(HttpContext);
        TempData["Message"] = "Your MFA token was deleted and you were signed out. Sign in to set up MFA again.";
        return RedirectToPage("/Account/Login");
    }
}

using Mfa.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Account;

/// <summary>Signs out (POST only, with antiforgery).</summary>
[AllowAnonymous]
public sealed class LogoutModel(MfaSignInGate gate) : PageModel
{
    /// <summary>Shows the confirmation.</summary>
    public void OnGet()
    {
    }

    /// <summary>Ends the session and any pending sign-in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await gate.SignOutAsync(HttpContext);
        return RedirectToPage("/Account/Login");
    }
}

using Mfa.AspNetCore;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Mfa.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.Account;

/// <summary>The host's first factor (password), then the MFA gate.</summary>
[AllowAnonymous]
public sealed class LoginModel(SampleUserAccounts accounts, MfaSignInGate gate, TimeProvider time) : PageModel
{
    /// <summary>The e-mail address.</summary>
    [BindProperty]
    public string Email { get; set; } = "";

    /// <summary>The password.</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>Keep the session after the browser closes.</summary>
    [BindProperty]
    public bool RememberMe { get; set; }

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The error to show.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and asks the engine what comes next.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await accounts.CheckPasswordAsync(Email, Password, cancellationToken);
        if (user is null)
        {
            Error = "The email or password is not right.";
            return Page();
        }

        var requirement = await gate.BeginAsync(HttpContext, user.Id, RememberMe, cancellationToken);
        if (!requirement.Succeeded)
        {
            Error = ErrorText.Of(requirement.Error, time);
            return Page();
        }

        switch (requirement.Value.Step)
        {
            case MfaSignInStep.Challenge:
                return RedirectToPage("/SignIn/Challenge", new { ReturnUrl });
            case MfaSignInStep.Enrollment:
                return RedirectToPage("/SignIn/Enroll", new { ReturnUrl });
            default:
                await gate.CompleteSignInAsync(HttpContext, SampleClaims.Create(user), new AuthenticationProperties { IsPersistent = RememberMe }, cancellationToken);
                if (requirement.Value.EnrollmentDeadline is { } deadline)
                {
                    TempData["Message"] = $"Your organization requires multi-factor authentication. Set it up before {deadline:yyyy-MM-dd HH:mm} UTC.";
                }

                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
    }
}

using Mfa.AspNetCore;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Mfa.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.SignIn;

/// <summary>Signs in with a recovery code instead of the factor.</summary>
public sealed class RecoveryModel(MfaSignInGate gate, MfaSignInService signIn, SampleUserAccounts accounts, TimeProvider time) : PageModel
{
    /// <summary>The recovery code.</summary>
    [BindProperty]
    public string? RecoveryCode { get; set; }

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The error to show.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        await gate.GetPendingSignInAsync(HttpContext) is { Step: MfaSignInStep.Challenge } ? Page() : RedirectToPage("/Account/Login");

    /// <summary>Verifies the code and completes the sign-in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await gate.GetPendingSignInAsync(HttpContext) is not { Step: MfaSignInStep.Challenge } pending)
        {
            return RedirectToPage("/Account/Login");
        }

        var verified = await signIn.VerifyRecoveryCodeAsync(pending.UserId, RecoveryCode ?? "", cancellationToken);
        RecoveryCode = null;
        if (!verified.Succeeded)
        {
            Error = ErrorText.Of(verified.Error, time);
            return Page();
        }

        var user = await accounts.FindByEmailAsync(pending.UserId, cancellationToken);
        await gate.CompleteSignInAsync(HttpContext, SampleClaims.Create(user!), cancellationToken: cancellationToken);
        TempData["Message"] = $"You signed in with a recovery code. You have {verified.Value.RemainingRecoveryCodes} left.";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}

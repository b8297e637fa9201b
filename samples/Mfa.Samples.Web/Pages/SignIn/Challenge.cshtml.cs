using Mfa.AspNetCore;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Mfa.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Samples.Web.Pages.SignIn;

/// <summary>The second factor: a code from the authenticator app, or an SMS code sent on request.</summary>
public sealed class ChallengeModel(MfaSignInGate gate, MfaSignInService signIn, SampleUserAccounts accounts, TimeProvider time) : PageModel
{
    /// <summary>The code.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the factor is SMS.</summary>
    public bool IsSms { get; private set; }

    /// <summary>The SMS factor's number, masked.</summary>
    public string? MaskedPhone { get; private set; }

    /// <summary>The error to show.</summary>
    public string? Error { get; private set; }

    /// <summary>Confirmation that a code was sent.</summary>
    public string? Sent { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } redirect ? redirect : Page();

    /// <summary>Sends an SMS code.</summary>
    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var pending = (await gate.GetPendingSignInAsync(HttpContext))!;
        var sent = await signIn.SendSmsCodeAsync(pending.UserId, cancellationToken);
        if (sent.Succeeded)
        {
            Sent = $"We sent a code to {sent.Value.MaskedPhoneNumber}. It is valid for {(int)(sent.Value.ExpiresAt - time.GetUtcNow()).TotalMinutes + 1} minutes.";
        }
        else
        {
            Error = ErrorText.Of(sent.Error, time);
        }

        return Page();
    }

    /// <summary>Verifies the code and completes the sign-in.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var pending = (await gate.GetPendingSignInAsync(HttpContext))!;
        var verified = await signIn.VerifyAsync(pending.UserId, Code ?? "", cancellationToken);
        Code = null;
        if (!verified.Succeeded)
        {
            Error = ErrorText.Of(verified.Error, time);
            return Page();
        }

        var user = await accounts.FindByEmailAsync(pending.UserId, cancellationToken);
        await gate.CompleteSignInAsync(HttpContext, SampleClaims.Create(user!), cancellationToken: cancellationToken);
        if (verified.Value.RemainingRecoveryCodes <= 3)
        {
            TempData["Message"] = $"You have {verified.Value.RemainingRecoveryCodes} recovery codes left.";
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var pending = await gate.GetPendingSignInAsync(HttpContext);
        if (pending is null)
        {
            return RedirectToPage("/Account/Login");
        }

        var requirement = await signIn.GetRequirementAsync(pending.UserId, cancellationToken);
        if (!requirement.Succeeded || requirement.Value.Step != MfaSignInStep.Challenge)
        {
            // The factor was reset meanwhile: start again from the password.
            await gate.SignOutAsync(HttpContext);
            return RedirectToPage("/Account/Login");
        }

        IsSms = requirement.Value.Method == MfaMethod.Sms;
        MaskedPhone = requirement.Value.MaskedPhoneNumber;
        return null;
    }
}

using Mfa.Enrollment;
using Mfa.Phones;
using Mfa.Policy;
using Mfa.RecoveryCodes;
using Mfa.Samples.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Samples.Web.Infrastructure;

/// <summary>The steps of the enrolment wizard.</summary>
public enum WizardStage
{
    /// <summary>Country and phone number.</summary>
    Phone,

    /// <summary>SMS or authenticator app.</summary>
    Method,

    /// <summary>QR code or SMS sent; type the code and activate.</summary>
    Verify,

    /// <summary>Activated: recovery codes shown once.</summary>
    Done,
}

/// <summary>
/// The enrolment wizard of the help article (country + phone -> SMS or app -> QR code or SMS code -> code -> Activate ->
/// recovery codes), shared by Personal Settings (signed-in users) and the sign-in enrolment (pending sign-ins).
/// </summary>
public abstract class EnrollWizardPageModel : PageModel
{
    /// <summary>The country of the phone number (ISO 3166).</summary>
    [BindProperty]
    public string Country { get; set; } = "US";

    /// <summary>The phone number as typed.</summary>
    [BindProperty]
    public string? PhoneNumber { get; set; }

    /// <summary>"sms" or "app".</summary>
    [BindProperty]
    public string? Method { get; set; }

    /// <summary>The authentication code.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The current step.</summary>
    public WizardStage Stage { get; protected set; } = WizardStage.Phone;

    /// <summary>The error to show.</summary>
    public string? Error { get; protected set; }

    /// <summary>For the app: the QR code as a PNG data URI.</summary>
    public string? QrCodeDataUri { get; private set; }

    /// <summary>For the app: the key to type by hand.</summary>
    public string? ManualKey { get; private set; }

    /// <summary>For SMS: where the code went (masked).</summary>
    public string? SentTo { get; private set; }

    /// <summary>Whether the organization allows SMS for this user.</summary>
    public bool SmsAllowed { get; private set; } = true;

    /// <summary>The recovery codes after activation.</summary>
    public RecoveryCodeSet? RecoveryCodes { get; private set; }

    /// <summary>Where "Continue" goes after activation.</summary>
    public abstract string ContinueUrl { get; }

    /// <summary>The heading.</summary>
    public abstract string Heading { get; }

    /// <summary>Cancels the wizard (a link).</summary>
    public abstract string CancelUrl { get; }

    private MfaEnrollmentService Enrollment => HttpContext.RequestServices.GetRequiredService<MfaEnrollmentService>();

    private TimeProvider Time => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    /// <summary>The user enrolling, or <see langword="null"/> to answer <see cref="Denied"/>.</summary>
    protected abstract Task<SampleUser?> ResolveUserAsync(CancellationToken cancellationToken);

    /// <summary>What to answer when <see cref="ResolveUserAsync"/> found nobody.</summary>
    protected abstract IActionResult Denied();

    /// <summary>Called after activation (e.g. to complete a pending sign-in).</summary>
    protected virtual Task OnActivatedAsync(SampleUser user, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Step 1: country and phone number.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await ResolveUserAsync(cancellationToken);
        if (user is null)
        {
            return Denied();
        }

        await LoadPolicyAsync(user, cancellationToken);
        return Page();
    }

    /// <summary>Step 2: choose SMS or authenticator app.</summary>
    public async Task<IActionResult> OnPostPhoneAsync(CancellationToken cancellationToken)
    {
        var user = await ResolveUserAsync(cancellationToken);
        if (user is null)
        {
            return Denied();
        }

        await LoadPolicyAsync(user, cancellationToken);
        Stage = WizardStage.Method;
        Method ??= SmsAllowed && !string.IsNullOrWhiteSpace(PhoneNumber) ? "sms" : "app";
        return Page();
    }

    /// <summary>Step 3: begin the enrolment: show the QR code, or send the SMS.</summary>
    public async Task<IActionResult> OnPostBeginAsync(CancellationToken cancellationToken)
    {
        var user = await ResolveUserAsync(cancellationToken);
        if (user is null)
        {
            return Denied();
        }

        await LoadPolicyAsync(user, cancellationToken);
        var phone = string.IsNullOrWhiteSpace(PhoneNumber) ? null : new PhoneNumberInput(Country, PhoneNumber);
        if (Method == "sms")
        {
            if (phone is null)
            {
                return Fail(WizardStage.Phone, "Enter your mobile phone number to receive codes by SMS.");
            }

            var sent = await Enrollment.BeginSmsAsync(user.Id, phone, cancellationToken);
            if (!sent.Succeeded)
            {
                return Fail(IsPhoneError(sent.Error) ? WizardStage.Phone : WizardStage.Method, ErrorText.Of(sent.Error, Time));
            }

            SentTo = sent.Value.MaskedPhoneNumber;
        }
        else
        {
            var begun = await Enrollment.BeginAuthenticatorAppAsync(user.Id, phone, cancellationToken);
            if (!begun.Succeeded)
            {
                return Fail(IsPhoneError(begun.Error) ? WizardStage.Phone : WizardStage.Method, ErrorText.Of(begun.Error, Time));
            }

            Method = "app";
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(begun.Value.QrCodePng);
            ManualKey = begun.Value.ManualEntryKey;
        }

        Stage = WizardStage.Verify;
        return Page();
    }

    /// <summary>SMS: send a new code for the pending enrolment.</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var user = await ResolveUserAsync(cancellationToken);
        if (user is null)
        {
            return Denied();
        }

        Stage = WizardStage.Verify;
        var sent = await Enrollment.ResendSmsAsync(user.Id, cancellationToken);
        if (!sent.Succeeded)
        {
            Error = ErrorText.Of(sent.Error, Time);
            return Page();
        }

        SentTo = sent.Value.MaskedPhoneNumber;
        TempData["Message"] = null;
        return Page();
    }

    /// <summary>Step 4: activate with the code; show the recovery codes once.</summary>
    public async Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken)
    {
        var user = await ResolveUserAsync(cancellationToken);
        if (user is null)
        {
            return Denied();
        }

        var activated = await Enrollment.ActivateAsync(user.Id, Code ?? "", cancellationToken);
        if (!activated.Succeeded)
        {
            Code = null;
            var restart = activated.Error.Code is MfaErrorCodes.NoPendingEnrollment or MfaErrorCodes.EnrollmentExpired;
            return Fail(restart ? WizardStage.Phone : WizardStage.Verify, ErrorText.Of(activated.Error, Time));
        }

        await OnActivatedAsync(user, cancellationToken);
        RecoveryCodes = activated.Value.RecoveryCodes;
        Method = activated.Value.Method == MfaMethod.Sms ? "sms" : "app";
        Stage = WizardStage.Done;
        return Page();
    }

    private PageResult Fail(WizardStage stage, string error)
    {
        Stage = stage;
        Error = error;
        return Page();
    }

    private async Task LoadPolicyAsync(SampleUser user, CancellationToken cancellationToken)
    {
        var policy = await HttpContext.RequestServices.GetRequiredService<MfaPolicyService>().GetAsync(user.Id, user.OrganizationId, cancellationToken);
        SmsAllowed = !policy.Succeeded || !policy.Value.RequireMfa || policy.Value.AllowSms;
    }

    private static bool IsPhoneError(MfaError error) => error.Code is MfaErrorCodes.InvalidPhoneNumber or MfaErrorCodes.UnknownCountry
        or MfaErrorCodes.PhoneNumberNotMobile or MfaErrorCodes.CountryNotAllowed or MfaErrorCodes.PhoneNumberRequired or MfaErrorCodes.SmsInvalidRecipient;
}

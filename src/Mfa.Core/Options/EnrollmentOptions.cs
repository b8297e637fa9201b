namespace Mfa;

/// <summary>Enrolment settings.</summary>
public sealed class EnrollmentOptions
{
    /// <summary>How long a begun enrolment can be activated, 1 minute to 24 hours. Default 15 minutes.</summary>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether the authenticator app also requires a phone number at enrolment. Default <see langword="false"/>.</summary>
    public bool RequirePhoneNumberForAuthenticatorApp { get; set; }

    /// <summary>Whether SMS may be enrolled at all (organizations can further restrict it). Default <see langword="true"/>.</summary>
    public bool AllowSms { get; set; } = true;
}

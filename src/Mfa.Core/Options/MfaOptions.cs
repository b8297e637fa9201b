namespace Mfa;

/// <summary>Everything configurable in the engine. Validated at start-up; see each property for its default.</summary>
public sealed class MfaOptions
{
    /// <summary>
    /// The issuer shown in authenticator apps and SMS texts (your product's name). Required; must not contain ':'.
    /// </summary>
    public string Issuer { get; set; } = "";

    /// <summary>Authenticator-app settings.</summary>
    public TotpOptions Totp { get; } = new();

    /// <summary>Enrolment settings.</summary>
    public EnrollmentOptions Enrollment { get; } = new();

    /// <summary>Recovery-code settings.</summary>
    public RecoveryCodeOptions RecoveryCodes { get; } = new();

    /// <summary>Throttling of failed verifications.</summary>
    public ThrottlingOptions Throttling { get; } = new();

    /// <summary>SMS settings.</summary>
    public SmsOptions Sms { get; } = new();
}

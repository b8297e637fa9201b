namespace Mfa.Audit;

/// <summary>Stable names of the events the engine records in the audit trail and publishes to <see cref="IMfaEventListener"/>s.</summary>
public static class MfaEventTypes
{
    /// <summary>A user began enrolling a factor.</summary>
    public const string EnrollmentStarted = "enrollment.started";

    /// <summary>A user activated a factor (replacing any earlier one).</summary>
    public const string EnrollmentActivated = "enrollment.activated";

    /// <summary>A user turned MFA off: factors and recovery codes removed.</summary>
    public const string FactorRemoved = "factor.removed";

    /// <summary>An Owner reset a user's MFA.</summary>
    public const string AdminReset = "reset.admin";

    /// <summary>A user reset their own MFA.</summary>
    public const string SelfReset = "reset.self";

    /// <summary>An Owner changed the organization's policy.</summary>
    public const string PolicyChanged = "policy.changed";

    /// <summary>A second-factor verification (or activation) failed.</summary>
    public const string VerificationFailed = "verification.failed";

    /// <summary>Repeated failures locked the user out.</summary>
    public const string LockedOut = "lockout";

    /// <summary>A recovery code was used to sign in.</summary>
    public const string RecoveryCodeUsed = "recovery_code.used";

    /// <summary>A new set of recovery codes replaced the old one.</summary>
    public const string RecoveryCodesRegenerated = "recovery_codes.regenerated";

    /// <summary>An SMS code was sent.</summary>
    public const string SmsSent = "sms.sent";

    /// <summary>An SMS send was refused by a limit or policy before reaching the provider.</summary>
    public const string SmsRefused = "sms.refused";

    /// <summary>The provider failed to send an SMS.</summary>
    public const string SmsFailed = "sms.failed";
}

namespace Mfa;

/// <summary>The engine's expected failures with their human messages, in one place so wording stays consistent.</summary>
internal static class MfaErrors
{
    public static MfaError UserNotFound() => new(MfaErrorCodes.UserNotFound, "No such user.");

    public static MfaError MalformedCode(int digits) => new(MfaErrorCodes.MalformedCode, $"Enter the {digits}-digit code.");

    public static MfaError MalformedRecoveryCode() => new(MfaErrorCodes.MalformedCode, "That is not a recovery code: check it and try again.");

    public static MfaError InvalidCode(DateTimeOffset? retryAfter) =>
        new(MfaErrorCodes.InvalidCode, "That code is not correct.") { RetryAfter = retryAfter };

    public static MfaError CodeReplayed(DateTimeOffset? retryAfter) =>
        new(MfaErrorCodes.CodeReplayed, "That code has already been used: wait for the next one.") { RetryAfter = retryAfter };

    public static MfaError LockedOut(DateTimeOffset until) =>
        new(MfaErrorCodes.LockedOut, "Too many failed attempts: try again later.") { RetryAfter = until };

    public static MfaError NotEnrolled() => new(MfaErrorCodes.NotEnrolled, "Multi-factor authentication is not set up for this user.");

    public static MfaError NoPendingEnrollment() => new(MfaErrorCodes.NoPendingEnrollment, "There is no set-up in progress: start again.");

    public static MfaError EnrollmentExpired() => new(MfaErrorCodes.EnrollmentExpired, "The set-up took too long and expired: start again.");

    public static MfaError MethodNotAllowed(MfaMethod method) =>
        new(MfaErrorCodes.MethodNotAllowed, method == MfaMethod.Sms
            ? "SMS is not allowed for this account: use an authenticator app."
            : "This method is not allowed for this account.");

    public static MfaError NoRecoveryCodes() => new(MfaErrorCodes.NoRecoveryCodes, "No recovery codes are left.");

    public static MfaError PhoneNumberRequired() => new(MfaErrorCodes.PhoneNumberRequired, "Enter your mobile phone number.");

    public static MfaError NotPermitted() => new(MfaErrorCodes.NotPermitted, "Only an Owner of the organization can do this.");

    public static MfaError OtherOrganization() => new(MfaErrorCodes.OtherOrganization, "That user belongs to another organization.");

    public static MfaError RequiredByOrganization() =>
        new(MfaErrorCodes.RequiredByOrganization, "Your organization requires multi-factor authentication, so it cannot be turned off.");

    public static MfaError SelfResetNotAllowed() =>
        new(MfaErrorCodes.SelfResetNotAllowed, "You can reset your own MFA only when your organization requires MFA. Ask an Owner of your organization to reset it for you.");

    public static MfaError NoOrganization() => new(MfaErrorCodes.NoOrganization, "This user does not belong to an organization.");

    public static MfaError InvalidPolicy(string why) => new(MfaErrorCodes.InvalidPolicy, why);
}

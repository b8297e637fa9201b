namespace Mfa;

/// <summary>
/// Stable error codes carried by <see cref="MfaError.Code"/>. Hosts may switch on them; they never change meaning.
/// </summary>
public static class MfaErrorCodes
{
    /// <summary>The user is not known to the host's <see cref="Users.IMfaUserDirectory"/>.</summary>
    public const string UserNotFound = "user_not_found";

    /// <summary>The code is not of the expected shape (wrong length, characters other than digits, spaces and hyphens).</summary>
    public const string MalformedCode = "malformed_code";

    /// <summary>The code is well formed but wrong.</summary>
    public const string InvalidCode = "invalid_code";

    /// <summary>The code was valid once but its time step (or the code itself) has already been used.</summary>
    public const string CodeReplayed = "code_replayed";

    /// <summary>Too many failed attempts: the user must wait until <see cref="MfaError.RetryAfter"/>.</summary>
    public const string LockedOut = "locked_out";

    /// <summary>The user has no active factor of the kind the operation needs.</summary>
    public const string NotEnrolled = "not_enrolled";

    /// <summary>There is no pending enrolment to activate.</summary>
    public const string NoPendingEnrollment = "no_pending_enrollment";

    /// <summary>The pending enrolment expired before it was activated; begin again.</summary>
    public const string EnrollmentExpired = "enrollment_expired";

    /// <summary>The method is not allowed for this user (by options or by the organization's policy).</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>The user has no unused recovery codes left.</summary>
    public const string NoRecoveryCodes = "no_recovery_codes";

    /// <summary>The phone number cannot be parsed or is not a valid number for its region.</summary>
    public const string InvalidPhoneNumber = "invalid_phone_number";

    /// <summary>The country (region code) is unknown.</summary>
    public const string UnknownCountry = "unknown_country";

    /// <summary>The phone number is valid but cannot receive SMS (for example a fixed line).</summary>
    public const string PhoneNumberNotMobile = "phone_number_not_mobile";

    /// <summary>The phone number's country is not in the configured allow-list.</summary>
    public const string CountryNotAllowed = "country_not_allowed";

    /// <summary>A phone number is required (SMS, or the options require one for the authenticator app).</summary>
    public const string PhoneNumberRequired = "phone_number_required";

    /// <summary>A code was sent recently; wait until <see cref="MfaError.RetryAfter"/> before asking for another.</summary>
    public const string SmsResendCooldown = "sms_resend_cooldown";

    /// <summary>This challenge has been sent the maximum number of times; start a new one later.</summary>
    public const string SmsChallengeSendLimit = "sms_challenge_send_limit";

    /// <summary>The user has been sent the maximum number of SMS for the current hour.</summary>
    public const string SmsUserHourlyLimit = "sms_user_hourly_limit";

    /// <summary>The organization has been sent the maximum number of SMS for the current day.</summary>
    public const string SmsOrganizationDailyLimit = "sms_organization_daily_limit";

    /// <summary>There is no SMS code outstanding (never sent, already used, or replaced).</summary>
    public const string NoSmsChallenge = "no_sms_challenge";

    /// <summary>The SMS code expired; ask for a new one.</summary>
    public const string SmsCodeExpired = "sms_code_expired";

    /// <summary>The SMS code was guessed wrongly too many times; ask for a new one.</summary>
    public const string SmsCodeAttemptsExhausted = "sms_code_attempts_exhausted";

    /// <summary>The SMS provider refused the number as invalid.</summary>
    public const string SmsInvalidRecipient = "sms_invalid_recipient";

    /// <summary>The recipient opted out of messages from this sender (replied STOP).</summary>
    public const string SmsRecipientOptedOut = "sms_recipient_opted_out";

    /// <summary>The SMS provider will not deliver to this destination.</summary>
    public const string SmsDestinationNotAllowed = "sms_destination_not_allowed";

    /// <summary>The SMS provider is rate limiting; try again after <see cref="MfaError.RetryAfter"/>.</summary>
    public const string SmsRateLimited = "sms_rate_limited";

    /// <summary>The SMS could not be sent (provider down, misconfigured, or the outcome is unknown). Nothing changed.</summary>
    public const string SmsDeliveryFailed = "sms_delivery_failed";

    /// <summary>The acting user may not do this (not an Owner, or not allowed by policy).</summary>
    public const string NotPermitted = "not_permitted";

    /// <summary>The target user belongs to another organization than the acting Owner.</summary>
    public const string OtherOrganization = "other_organization";

    /// <summary>The organization requires MFA, so the user cannot turn it off.</summary>
    public const string RequiredByOrganization = "required_by_organization";

    /// <summary>Self reset is only available when the organization requires MFA; ask an Owner to reset it.</summary>
    public const string SelfResetNotAllowed = "self_reset_not_allowed";

    /// <summary>The user does not belong to an organization, and the operation needs one.</summary>
    public const string NoOrganization = "no_organization";

    /// <summary>The requested policy is not valid (e.g. allowing SMS for all users while MFA is not required).</summary>
    public const string InvalidPolicy = "invalid_policy";
}

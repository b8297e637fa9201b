using Mfa.Stores;

namespace Mfa.Sms;

/// <summary>SMS failures with their human messages.</summary>
internal static class SmsErrors
{
    public static MfaError CountryNotAllowed() => new(MfaErrorCodes.CountryNotAllowed, "Text messages cannot be sent to that country.");

    public static MfaError Cooldown(DateTimeOffset until) =>
        new(MfaErrorCodes.SmsResendCooldown, "A code was sent moments ago: wait a little before asking for another.") { RetryAfter = until };

    public static MfaError ChallengeSendLimit(DateTimeOffset retryAfter) =>
        new(MfaErrorCodes.SmsChallengeSendLimit, "No more codes can be sent for this attempt: start again later.") { RetryAfter = retryAfter };

    public static MfaError Quota(SmsQuotaResult quota) => quota.Decision == SmsQuotaDecision.OrganizationDailyLimitReached
        ? new(MfaErrorCodes.SmsOrganizationDailyLimit, "Your organization has reached its daily limit of text messages.") { RetryAfter = quota.RetryAfter }
        : new(MfaErrorCodes.SmsUserHourlyLimit, "Too many text messages were sent to you recently: try again later.") { RetryAfter = quota.RetryAfter };

    public static MfaError NoChallenge() => new(MfaErrorCodes.NoSmsChallenge, "No code is waiting: ask for a new one.");

    public static MfaError Expired() => new(MfaErrorCodes.SmsCodeExpired, "That code has expired: ask for a new one.");

    public static MfaError AttemptsExhausted() =>
        new(MfaErrorCodes.SmsCodeAttemptsExhausted, "Too many wrong tries for this code: ask for a new one.");

    public static MfaError Delivery(SmsSendResult result, DateTimeOffset now) => result.Status switch
    {
        SmsSendStatus.InvalidRecipient => new(MfaErrorCodes.SmsInvalidRecipient, "That number cannot receive text messages: check it."),
        SmsSendStatus.RecipientOptedOut => new(MfaErrorCodes.SmsRecipientOptedOut, "This number has opted out of our text messages (reply START to opt back in)."),
        SmsSendStatus.DestinationNotAllowed => new(MfaErrorCodes.SmsDestinationNotAllowed, "Text messages cannot be delivered to that number."),
        SmsSendStatus.RateLimited => new(MfaErrorCodes.SmsRateLimited, "Text messages are busy right now: try again shortly.") { RetryAfter = now + (result.RetryAfter ?? TimeSpan.FromSeconds(30)) },
        _ => new(MfaErrorCodes.SmsDeliveryFailed, "The text message could not be sent: try again later or use another method."),
    };
}

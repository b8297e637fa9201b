using System.Globalization;
using System.Net;

namespace Mfa.Sms.Twilio;

/// <summary>
/// Turns Twilio's answer (HTTP status and Twilio error code) into a provider-neutral <see cref="SmsSendStatus"/>.
/// Only answers Twilio gave are mapped here; a missing answer (timeout, no connection) is decided by the sender.
/// </summary>
internal static class TwilioErrorMapper
{
    /// <summary>Maps a non-success answer.</summary>
    /// <param name="httpStatus">The HTTP status of the response.</param>
    /// <param name="twilioCode">Twilio's error code from the body, or 0 when the body had none.</param>
    public static SmsSendStatus Map(int httpStatus, int twilioCode) => twilioCode switch
    {
        TwilioErrorCodes.InvalidToNumber => SmsSendStatus.InvalidRecipient,

        // 21614 ("not a mobile number") is reported as DestinationNotAllowed, not InvalidRecipient: the number
        // exists but cannot take SMS, which SmsSendStatus documents under DestinationNotAllowed. The engine should
        // ask for another number either way.
        TwilioErrorCodes.NotAMobileNumber => SmsSendStatus.DestinationNotAllowed,
        TwilioErrorCodes.CannotRoute => SmsSendStatus.DestinationNotAllowed,
        TwilioErrorCodes.RegionPermissionNotEnabled => SmsSendStatus.DestinationNotAllowed,
        TwilioErrorCodes.UnsubscribedRecipient => SmsSendStatus.RecipientOptedOut,
        TwilioErrorCodes.TooManyRequests => SmsSendStatus.RateLimited,
        TwilioErrorCodes.AuthenticationFailed
            or TwilioErrorCodes.AccountNotActive
            or TwilioErrorCodes.ResourceNotFound
            or TwilioErrorCodes.InvalidFromNumber
            or TwilioErrorCodes.FromNotSmsCapable
            or TwilioErrorCodes.FromNotATwilioNumber
            or TwilioErrorCodes.FromNotOnThisAccount => SmsSendStatus.ConfigurationError,
        _ => MapStatus(httpStatus),
    };

    /// <summary>The value for <see cref="SmsSendResult.ProviderErrorCode"/>: Twilio's code, else <c>HTTP nnn</c>.</summary>
    public static string ProviderErrorCode(int httpStatus, int twilioCode) => twilioCode != 0
        ? twilioCode.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"HTTP {httpStatus}");

    private static SmsSendStatus MapStatus(int httpStatus) => httpStatus switch
    {
        (int)HttpStatusCode.TooManyRequests => SmsSendStatus.RateLimited,

        // Twilio received the request; it may have queued the message before failing.
        >= 500 => SmsSendStatus.UnknownOutcome,

        // 401/403/404 and every 4xx refusal we do not know: Twilio did not send, and retrying will not help. An
        // operator has to look at the provider code, so this is reported as a configuration problem.
        _ => SmsSendStatus.ConfigurationError,
    };
}

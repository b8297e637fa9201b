namespace Mfa.Sms.Twilio;

/// <summary>Twilio error codes the sender recognises (https://www.twilio.com/docs/api/errors).</summary>
internal static class TwilioErrorCodes
{
    public const int AuthenticationFailed = 20003;
    public const int AccountNotActive = 20005;
    public const int ResourceNotFound = 20404;
    public const int TooManyRequests = 20429;
    public const int InvalidToNumber = 21211;
    public const int InvalidFromNumber = 21212;
    public const int RegionPermissionNotEnabled = 21408;
    public const int FromNotSmsCapable = 21606;
    public const int UnsubscribedRecipient = 21610;
    public const int CannotRoute = 21612;
    public const int NotAMobileNumber = 21614;
    public const int FromNotATwilioNumber = 21659;
    public const int FromNotOnThisAccount = 21660;
}

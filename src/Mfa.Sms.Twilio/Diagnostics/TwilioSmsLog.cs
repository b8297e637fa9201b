using Microsoft.Extensions.Logging;

namespace Mfa.Sms.Twilio;

/// <summary>
/// Every log line the Twilio sender writes. Phone numbers are masked (last two digits only); the message body,
/// credentials and Twilio's own error text (which can quote the full number) are never logged.
/// </summary>
internal static partial class TwilioSmsLog
{
    [LoggerMessage(2001, LogLevel.Information, "Twilio accepted the SMS to {MaskedPhone} as {MessageSid} (attempt {Attempt}).")]
    public static partial void Accepted(ILogger logger, string maskedPhone, string? messageSid, int attempt);

    [LoggerMessage(2002, LogLevel.Warning, "Twilio answered the SMS to {MaskedPhone} with an error, reported as {Status} (Twilio error {ProviderErrorCode}, HTTP {HttpStatus}).")]
    public static partial void ErrorAnswer(ILogger logger, string maskedPhone, SmsSendStatus status, string providerErrorCode, int httpStatus);

    [LoggerMessage(2003, LogLevel.Information, "Retrying the SMS to {MaskedPhone} in {Delay} after {Reason} (retry {Retry} of {MaxRetries}).")]
    public static partial void Retrying(ILogger logger, string maskedPhone, TimeSpan delay, string reason, int retry, int maxRetries);

    [LoggerMessage(2004, LogLevel.Warning, "Twilio did not answer the SMS to {MaskedPhone} within {Timeout}; it may have been sent, so it is not retried.")]
    public static partial void TimedOut(ILogger logger, string maskedPhone, TimeSpan timeout);

    [LoggerMessage(2005, LogLevel.Warning, "Could not connect to Twilio for the SMS to {MaskedPhone} ({HttpRequestError}); nothing was sent.")]
    public static partial void ConnectionFailed(ILogger logger, string maskedPhone, HttpRequestError httpRequestError);

    [LoggerMessage(2006, LogLevel.Warning, "The request to Twilio for the SMS to {MaskedPhone} failed with {ExceptionType} ({HttpRequestError}) after it may have been sent; outcome unknown.")]
    public static partial void FailedAfterSending(ILogger logger, string maskedPhone, string exceptionType, HttpRequestError? httpRequestError);

    [LoggerMessage(2007, LogLevel.Warning, "Twilio answered HTTP {HttpStatus} to the SMS to {MaskedPhone} but its body could not be read; the message was created, its SID is unknown.")]
    public static partial void AcceptedUnreadable(ILogger logger, string maskedPhone, int httpStatus);

    [LoggerMessage(2008, LogLevel.Warning, "Twilio rate limits the SMS to {MaskedPhone} (retry after {RetryAfter}); giving up after {Retries} retries.")]
    public static partial void RateLimited(ILogger logger, string maskedPhone, TimeSpan? retryAfter, int retries);
}

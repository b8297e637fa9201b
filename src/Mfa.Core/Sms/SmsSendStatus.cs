namespace Mfa.Sms;

/// <summary>What became of a send, in provider-neutral terms.</summary>
public enum SmsSendStatus
{
    /// <summary>The provider accepted the message for delivery.</summary>
    Accepted = 0,

    /// <summary>The number is not a valid destination.</summary>
    InvalidRecipient = 1,

    /// <summary>The recipient opted out of messages from this sender.</summary>
    RecipientOptedOut = 2,

    /// <summary>The provider will not deliver to this destination (region or carrier not enabled, not a mobile number).</summary>
    DestinationNotAllowed = 3,

    /// <summary>The provider is rate limiting: retry after <see cref="SmsSendResult.RetryAfter"/>.</summary>
    RateLimited = 4,

    /// <summary>The sender is misconfigured (credentials, sender number): an operator must act.</summary>
    ConfigurationError = 5,

    /// <summary>The provider certainly did not send (unreachable, refused): retrying later is safe.</summary>
    TransientFailure = 6,

    /// <summary>The message may or may not have been sent (timeout, server error after the request was received).</summary>
    UnknownOutcome = 7,
}

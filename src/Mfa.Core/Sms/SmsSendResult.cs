namespace Mfa.Sms;

/// <summary>The outcome of <see cref="ISmsSender.SendAsync"/>.</summary>
public sealed record SmsSendResult
{
    private SmsSendResult(SmsSendStatus status) => Status = status;

    /// <summary>What became of the send.</summary>
    public SmsSendStatus Status { get; }

    /// <summary>The provider's identifier of the accepted message (for example a Twilio message SID).</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The provider's own error code, for diagnostics (for example Twilio's 21211).</summary>
    public string? ProviderErrorCode { get; init; }

    /// <summary>For <see cref="SmsSendStatus.RateLimited"/>: how long to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether the provider accepted the message.</summary>
    public bool IsAccepted => Status == SmsSendStatus.Accepted;

    /// <summary>An accepted send.</summary>
    public static SmsSendResult Accepted(string? providerMessageId) => new(SmsSendStatus.Accepted) { ProviderMessageId = providerMessageId };

    /// <summary>A failed send.</summary>
    /// <param name="status">Any status but <see cref="SmsSendStatus.Accepted"/>.</param>
    /// <param name="providerErrorCode">The provider's error code, if it gave one.</param>
    /// <param name="retryAfter">For rate limiting, how long to wait.</param>
    public static SmsSendResult Failed(SmsSendStatus status, string? providerErrorCode = null, TimeSpan? retryAfter = null)
    {
        if (status == SmsSendStatus.Accepted)
        {
            throw new ArgumentException("Use SmsSendResult.Accepted for an accepted send.", nameof(status));
        }

        return new SmsSendResult(status) { ProviderErrorCode = providerErrorCode, RetryAfter = retryAfter };
    }
}

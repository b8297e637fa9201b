namespace Mfa.Sms.Twilio;

/// <summary>
/// Settings of the Twilio SMS sender, usually bound from the <c>Mfa:Twilio</c> configuration section. Validated at
/// start-up: exactly one kind of credential (<see cref="AuthToken"/>, or <see cref="ApiKeySid"/> with
/// <see cref="ApiKeySecret"/>) and exactly one sender (<see cref="MessagingServiceSid"/> or <see cref="From"/>).
/// <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class TwilioSmsOptions
{
    /// <summary>The Account SID (<c>AC</c> followed by 32 hexadecimal characters). Required.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's Auth Token. Set this, or <see cref="ApiKeySid"/> and <see cref="ApiKeySecret"/>; never both. A secret.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The SID of an API key (<c>SK</c> followed by 32 hexadecimal characters); use with <see cref="ApiKeySecret"/>. Preferred over the Auth Token in production.</summary>
    public string? ApiKeySid { get; set; }

    /// <summary>The secret of the API key named by <see cref="ApiKeySid"/>. A secret.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>
    /// The Messaging Service to send through (<c>MG</c> followed by 32 hexadecimal characters); Twilio picks the
    /// number from its sender pool. Set this or <see cref="From"/>; never both.
    /// </summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// The sender: a Twilio number in E.164 form (<c>+15017122661</c>) or an alphanumeric sender ID of up to 11
    /// characters with at least one letter. Set this or <see cref="MessagingServiceSid"/>; never both.
    /// </summary>
    public string? From { get; set; }

    /// <summary>Optional Twilio region for data residency (for example <c>ie1</c> or <c>au1</c>). Default: none (the US region).</summary>
    public string? Region { get; set; }

    /// <summary>Optional Twilio edge location (for example <c>dublin</c> or <c>sydney</c>). Default: none.</summary>
    public string? Edge { get; set; }

    /// <summary>
    /// How long one request to Twilio may take before it is abandoned. Default 10 seconds; 1 second to 2 minutes.
    /// A request that times out is reported as <see cref="SmsSendStatus.UnknownOutcome"/> and never retried, since
    /// Twilio may have sent the message.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many times a send is retried when Twilio certainly did not send it (HTTP 429, or no connection could be
    /// made). Default 2; 0 to 5. Server errors and timeouts are never retried.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// The first wait before retrying after a connection failure, or after a 429 without a <c>Retry-After</c>
    /// header; doubled on each further retry. Default 500 ms; zero to 10 seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait before a retry. A <c>Retry-After</c> longer than this is not waited for: the send returns
    /// <see cref="SmsSendStatus.RateLimited"/> at once with that delay. Default 5 seconds; zero to 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Describes the settings without any secret.</summary>
    public override string ToString()
    {
        var credential = !string.IsNullOrEmpty(ApiKeySid) ? $"API key {ApiKeySid}" : !string.IsNullOrEmpty(AuthToken) ? "Auth Token" : "no credential";
        var sender = !string.IsNullOrEmpty(MessagingServiceSid) ? $"Messaging Service {MessagingServiceSid}" : $"From {From ?? "(none)"}";
        return $"Twilio SMS: account {AccountSid ?? "(none)"}, {credential}, {sender}, region {Region ?? "default"}, edge {Edge ?? "default"}";
    }
}

namespace Mfa;

/// <summary>SMS code and sending settings (see the SMS pumping notes in docs/security.md).</summary>
public sealed class SmsOptions
{
    /// <summary>Digits per code, 6 to 8. Default 6.</summary>
    public int CodeLength { get; set; } = 6;

    /// <summary>How long a code is accepted, 1 to 15 minutes. Default 5 minutes.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong guesses allowed per code before a new one is needed, 1 to 10. Default 5.</summary>
    public int MaxAttemptsPerCode { get; set; } = 5;

    /// <summary>Minimum time between two sends of a challenge. Default 60 seconds.</summary>
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes one challenge may send (the first included). Default 5.</summary>
    public int MaxSendsPerChallenge { get; set; } = 5;

    /// <summary>SMS per user in any 60 minutes. Default 10.</summary>
    public int MaxPerUserPerHour { get; set; } = 10;

    /// <summary>SMS per organization in any 24 hours, or <see langword="null"/> (default) for no cap.</summary>
    public int? MaxPerOrganizationPerDay { get; set; }

    /// <summary>ISO 3166 region codes (e.g. "GB", "US") SMS may go to, or empty (default) for all.</summary>
    public IList<string> AllowedCountries { get; } = [];

    /// <summary>
    /// The message text: <c>{AppName}</c> and <c>{Code}</c> are replaced. Default
    /// "Your {AppName} verification code is {Code}". For per-culture text register an <see cref="Sms.ISmsMessageFormatter"/>.
    /// </summary>
    public string MessageTemplate { get; set; } = "Your {AppName} verification code is {Code}";

    /// <summary>
    /// The web origin's host for the WebOTP / SMS Retriever line (e.g. "example.com" adds "@example.com #123456"),
    /// or <see langword="null"/> (default) for none.
    /// </summary>
    public string? WebOtpDomain { get; set; }
}

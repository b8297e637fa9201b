namespace Mfa;

/// <summary>
/// Per-user throttling of failed verifications (TOTP, SMS, recovery codes, activation). Separate from the host's
/// password lockout. Counters reset only on a successful verification.
/// </summary>
public sealed class ThrottlingOptions
{
    /// <summary>Failures allowed before each wait starts growing. Default 3.</summary>
    public int FreeAttempts { get; set; } = 3;

    /// <summary>The first wait after <see cref="FreeAttempts"/>; each further failure doubles it. Default 1 second.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Failures that trigger a hard lock (and every multiple of it again). Default 10.</summary>
    public int MaxFailedAttempts { get; set; } = 10;

    /// <summary>How long a hard lock lasts. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

namespace Mfa.Stores;

/// <summary>The answer to a <see cref="SmsQuotaRequest"/>.</summary>
public enum SmsQuotaDecision
{
    /// <summary>Within limits: the send was recorded.</summary>
    Granted = 0,

    /// <summary>The user reached the hourly limit; nothing was recorded.</summary>
    UserHourlyLimitReached = 1,

    /// <summary>The organization reached the daily cap; nothing was recorded.</summary>
    OrganizationDailyLimitReached = 2,
}

/// <summary>The decision, and when a refused request could be granted.</summary>
/// <param name="Decision">Granted or which limit refused it.</param>
/// <param name="RetryAfter">For a refusal: when the oldest counted send leaves the window.</param>
public sealed record SmsQuotaResult(SmsQuotaDecision Decision, DateTimeOffset? RetryAfter = null);

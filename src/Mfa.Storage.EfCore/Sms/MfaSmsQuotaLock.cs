namespace Mfa.Storage.EfCore.Sms;

/// <summary>
/// A row per user (<c>u:</c> + id) and per organization (<c>o:</c> + id) that quota takers update first, so concurrent
/// takers for the same user or organization queue on its row lock before they count the send log.
/// </summary>
internal sealed class MfaSmsQuotaLock
{
    public const string UserPrefix = "u:";
    public const string OrganizationPrefix = "o:";

    public required string Key { get; set; }

    /// <summary>How often the lock was taken; the value is unused, the update that bumps it takes the row lock.</summary>
    public long Takes { get; set; }
}

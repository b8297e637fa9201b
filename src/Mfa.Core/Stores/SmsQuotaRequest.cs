namespace Mfa.Stores;

/// <summary>A request to send one SMS, checked against the sending limits and recorded if granted.</summary>
/// <param name="SendId">A random identifier for this send (used to release it).</param>
/// <param name="UserId">The recipient user.</param>
/// <param name="OrganizationId">The user's organization, if any.</param>
/// <param name="At">When the send happens.</param>
/// <param name="MaxPerUserPerHour">Sends allowed per user in any 60-minute window.</param>
/// <param name="MaxPerOrganizationPerDay">Sends allowed per organization in any 24-hour window, or <see langword="null"/> for no cap.</param>
public sealed record SmsQuotaRequest(
    string SendId,
    string UserId,
    string? OrganizationId,
    DateTimeOffset At,
    int MaxPerUserPerHour,
    int? MaxPerOrganizationPerDay);

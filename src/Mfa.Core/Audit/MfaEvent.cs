namespace Mfa.Audit;

/// <summary>
/// Something that happened, as told to <see cref="IMfaEventListener"/>s after it was recorded in the audit trail.
/// Carries no secret, code or full phone number.
/// </summary>
/// <param name="EventType">One of <see cref="MfaEventTypes"/>.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="UserId">The user it is about, if any.</param>
/// <param name="OrganizationId">That user's organization, if any.</param>
/// <param name="ActorUserId">Who caused it when not the user (an Owner), if any.</param>
/// <param name="Method">The factor kind involved, if any.</param>
/// <param name="Detail">A short non-secret detail (error code, masked phone, policy change).</param>
public sealed record MfaEvent(
    string EventType,
    DateTimeOffset OccurredAt,
    string? UserId,
    string? OrganizationId,
    string? ActorUserId,
    MfaMethod? Method,
    string? Detail)
{
    /// <summary>
    /// Whether the host should end the user's sessions now: after an admin reset, a self reset, or when factors
    /// were removed.
    /// </summary>
    public bool EndsSessions => EventType is MfaEventTypes.AdminReset or MfaEventTypes.SelfReset or MfaEventTypes.FactorRemoved;
}

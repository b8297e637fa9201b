namespace Mfa.Stores;

/// <summary>One entry of the append-only audit trail. Holds no secret, code or full phone number.</summary>
public sealed class MfaAuditRecord
{
    /// <summary>A time-ordered identifier (UUID v7).</summary>
    public required Guid Id { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What happened: one of <see cref="Audit.MfaEventTypes"/>.</summary>
    public required string EventType { get; init; }

    /// <summary>The organization the subject belongs to, if any; the trail is read per organization.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The user the event is about.</summary>
    public string? UserId { get; init; }

    /// <summary>Who caused it, when not the subject (an Owner resetting a user, changing policy).</summary>
    public string? ActorUserId { get; init; }

    /// <summary>The factor kind involved, if any.</summary>
    public MfaMethod? Method { get; init; }

    /// <summary>A short non-secret detail: an error code, a masked phone number, a policy change.</summary>
    public string? Detail { get; init; }
}

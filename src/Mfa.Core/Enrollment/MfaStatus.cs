namespace Mfa.Enrollment;

/// <summary>A user's MFA at a glance, for settings pages and admin lists. Holds nothing secret.</summary>
public sealed record MfaStatus
{
    /// <summary>Whether the user has an active factor.</summary>
    public bool IsEnabled => ActiveMethod is not null;

    /// <summary>The active factor's kind, if any.</summary>
    public MfaMethod? ActiveMethod { get; init; }

    /// <summary>The phone number on the active factor, masked (e.g. "+44 •••• ••••23").</summary>
    public string? MaskedPhoneNumber { get; init; }

    /// <summary>When the active factor was activated.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>The kind of a begun, not yet activated enrolment that has not expired, if any.</summary>
    public MfaMethod? PendingMethod { get; init; }

    /// <summary>Unused recovery codes.</summary>
    public int RemainingRecoveryCodes { get; init; }
}

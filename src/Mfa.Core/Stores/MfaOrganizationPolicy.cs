namespace Mfa.Stores;

/// <summary>An organization's MFA policy as persisted. An organization without a row has MFA not required.</summary>
public sealed class MfaOrganizationPolicy
{
    /// <summary>The organization (tenant) identifier.</summary>
    public required string OrganizationId { get; init; }

    /// <summary>Whether every user of the organization must use MFA.</summary>
    public bool RequireMfa { get; set; }

    /// <summary>Whether SMS is allowed for all users; when MFA is required and this is off, only the authenticator app is.</summary>
    public bool AllowSms { get; set; }

    /// <summary>How long users without an allowed factor may still sign in after MFA became required, or <see langword="null"/> for none.</summary>
    public TimeSpan? EnrollmentGracePeriod { get; set; }

    /// <summary>When MFA became required (start of the grace period).</summary>
    public DateTimeOffset? RequiredSince { get; set; }

    /// <summary>When the policy last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The Owner who last changed it.</summary>
    public string? UpdatedBy { get; set; }
}

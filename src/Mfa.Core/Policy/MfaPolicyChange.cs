namespace Mfa.Policy;

/// <summary>A change to an organization's policy; properties left <see langword="null"/> stay as they are.</summary>
public sealed record MfaPolicyChange
{
    /// <summary>Turn the requirement on or off. Turning it off also turns "allow SMS for all users" off.</summary>
    public bool? RequireMfa { get; init; }

    /// <summary>Allow SMS for all users; can be turned on only while MFA is required.</summary>
    public bool? AllowSms { get; init; }

    /// <summary>A new grace period (zero removes it; at most 90 days).</summary>
    public TimeSpan? EnrollmentGracePeriod { get; init; }
}

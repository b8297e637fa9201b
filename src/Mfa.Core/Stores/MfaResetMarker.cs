namespace Mfa.Stores;

/// <summary>Records that a user's MFA was reset, so the next sign-in demands enrolment. Cleared by activation.</summary>
public sealed class MfaResetMarker
{
    /// <summary>The user whose MFA was reset.</summary>
    public required string UserId { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset ResetAt { get; init; }

    /// <summary>Who reset it (the user themself for a self reset).</summary>
    public required string ResetBy { get; init; }
}

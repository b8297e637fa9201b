namespace Mfa.Storage.EfCore.Attempts;

/// <summary>A user's failed verifications since the last success: one row per user, absent when there are none.</summary>
internal sealed class MfaAttemptCounter
{
    public required string UserId { get; set; }

    public int FailedCount { get; set; }

    public DateTimeOffset? LastFailureAt { get; set; }
}

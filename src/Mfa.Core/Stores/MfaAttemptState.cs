namespace Mfa.Stores;

/// <summary>A user's consecutive failed verifications since the last success.</summary>
/// <param name="FailedCount">Failures since the last success or reset.</param>
/// <param name="LastFailureAt">When the latest failure happened.</param>
public sealed record MfaAttemptState(int FailedCount, DateTimeOffset? LastFailureAt)
{
    /// <summary>No failures.</summary>
    public static MfaAttemptState None { get; } = new(0, null);
}

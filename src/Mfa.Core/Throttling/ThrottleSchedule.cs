using Mfa.Stores;

namespace Mfa.Throttling;

/// <summary>
/// When a user may try again, from their failure count alone. Failures come in cycles of
/// <see cref="ThrottlingOptions.MaxFailedAttempts"/>: within a cycle the first <see cref="ThrottlingOptions.FreeAttempts"/>
/// are free, each further one doubles a wait starting at <see cref="ThrottlingOptions.BackoffBase"/>, and the last one
/// locks the user for <see cref="ThrottlingOptions.LockoutDuration"/>. So no window of that duration ever holds more
/// than MaxFailedAttempts failures.
/// </summary>
internal static class ThrottleSchedule
{
    public static bool IsHardLock(int failedCount, ThrottlingOptions options) =>
        failedCount > 0 && failedCount % options.MaxFailedAttempts == 0;

    public static DateTimeOffset? LockedUntil(MfaAttemptState state, ThrottlingOptions options)
    {
        if (state.FailedCount <= 0 || state.LastFailureAt is not { } last)
        {
            return null;
        }

        if (IsHardLock(state.FailedCount, options))
        {
            return last + options.LockoutDuration;
        }

        var inCycle = state.FailedCount % options.MaxFailedAttempts;
        if (inCycle <= options.FreeAttempts || options.BackoffBase <= TimeSpan.Zero)
        {
            return null;
        }

        // 2^(n-1) × base, capped at the lockout duration (and the shift capped so it cannot overflow).
        var doublings = Math.Min(inCycle - options.FreeAttempts - 1, 30);
        var wait = options.BackoffBase * (1L << doublings);
        return last + (wait < options.LockoutDuration ? wait : options.LockoutDuration);
    }
}

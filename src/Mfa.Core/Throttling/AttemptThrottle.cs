using Mfa.Audit;
using Mfa.Diagnostics;
using Mfa.Stores;
using Mfa.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Throttling;

/// <summary>
/// Per-user throttling shared by every factor. An attempt is reserved (counted as a failure) before a code is
/// checked and released on success, so concurrent guesses cannot exceed the limit: each must win a compare-and-set
/// from a state that is not locked.
/// </summary>
internal sealed class AttemptThrottle(
    MfaStores stores,
    IOptions<MfaOptions> options,
    TimeProvider time,
    MfaAuditWriter audit,
    MfaMetrics metrics,
    ILogger<AttemptThrottle> logger)
{
    // Compare-and-set rounds before giving up under heavy contention (a burst of parallel guesses).
    private const int MaxReserveRounds = 8;

    /// <summary>Reserves one attempt, or says until when the user is locked.</summary>
    private async ValueTask<MfaResult<AttemptReservation>> ReserveAsync(MfaUser user, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxReserveRounds; round++)
        {
            var now = time.GetUtcNow();
            var state = await stores.Attempts.GetAsync(user.UserId, cancellationToken);
            if (ThrottleSchedule.LockedUntil(state, options.Value.Throttling) is { } until && until > now)
            {
                return MfaErrors.LockedOut(until);
            }

            if (await stores.Attempts.TryIncrementAsync(user.UserId, state.FailedCount, now, cancellationToken))
            {
                return MfaResult<AttemptReservation>.Success(new AttemptReservation(user, new MfaAttemptState(state.FailedCount + 1, now)));
            }
        }

        // Lost every race: someone is hammering this account. Refuse briefly rather than spin.
        return MfaErrors.LockedOut(time.GetUtcNow().AddSeconds(1));
    }

    /// <summary>
    /// One throttled check: reserves an attempt, then runs <paramref name="check"/>. A failure is counted and returned
    /// with when the user may try again; on success the reservation is returned, for the caller to release with
    /// <see cref="SucceedAsync"/> (inside its own transaction if it has one).
    /// </summary>
    public async ValueTask<MfaResult<AttemptReservation>> AttemptAsync(
        MfaUser user, MfaMethod? method, Func<ValueTask<MfaError?>> check, CancellationToken cancellationToken)
    {
        var reserved = await ReserveAsync(user, cancellationToken);
        if (!reserved.Succeeded)
        {
            return reserved;
        }

        if (await check() is not { } failure)
        {
            return reserved;
        }

        var retryAfter = await FailAsync(reserved.Value, method, failure.Code, cancellationToken);
        return failure with { RetryAfter = failure.RetryAfter ?? retryAfter };
    }

    /// <summary>The code was right: clear the counter.</summary>
    public ValueTask SucceedAsync(AttemptReservation reservation, CancellationToken cancellationToken) =>
        stores.Attempts.ResetAsync(reservation.User.UserId, cancellationToken);

    /// <summary>
    /// The code was wrong: the reserved attempt stays counted. Records the failure (and a lockout, when this failure
    /// started one) and returns when the user may try again, if they must wait.
    /// </summary>
    private async ValueTask<DateTimeOffset?> FailAsync(AttemptReservation reservation, MfaMethod? method, string errorCode, CancellationToken cancellationToken)
    {
        var user = reservation.User;
        var throttling = options.Value.Throttling;
        MfaLog.VerificationFailed(logger, user.UserId, errorCode);
        metrics.Verification(method, errorCode);
        await audit.RecordAndPublishAsync(MfaEventTypes.VerificationFailed, user, cancellationToken, method, errorCode);

        var until = ThrottleSchedule.LockedUntil(reservation.State, throttling);
        if (ThrottleSchedule.IsHardLock(reservation.State.FailedCount, throttling) && until is { } lockedUntil)
        {
            MfaLog.LockedOut(logger, user.UserId, lockedUntil, reservation.State.FailedCount);
            metrics.Lockout();
            await audit.RecordAndPublishAsync(MfaEventTypes.LockedOut, user, cancellationToken, method, $"until {lockedUntil:O}");
        }

        return until;
    }
}

/// <summary>An attempt counted in advance; <see cref="State"/> is the counter with it included.</summary>
internal sealed record AttemptReservation(MfaUser User, MfaAttemptState State);

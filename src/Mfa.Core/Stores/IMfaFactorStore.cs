namespace Mfa.Stores;

/// <summary>Persists users' factors. Every method that changes state is atomic on its own.</summary>
public interface IMfaFactorStore
{
    /// <summary>Finds the user's active factor.</summary>
    /// <returns>The active factor, or <see langword="null"/>.</returns>
    ValueTask<MfaFactor?> FindActiveAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Finds the user's pending factor, expired or not.</summary>
    /// <returns>The pending factor, or <see langword="null"/>.</returns>
    ValueTask<MfaFactor?> FindPendingAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="factor"/> (status <see cref="MfaFactorStatus.Pending"/>) as the user's pending factor,
    /// replacing any earlier pending factor. The active factor is untouched.
    /// </summary>
    ValueTask SavePendingAsync(MfaFactor factor, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically turns the pending factor <paramref name="factorId"/> into the user's active factor, deleting the
    /// previously active one, and records <paramref name="acceptedTimeStep"/> as its replay guard.
    /// </summary>
    /// <returns><see langword="false"/> when that factor is no longer pending (activated or replaced concurrently).</returns>
    ValueTask<bool> ActivateAsync(string userId, string factorId, DateTimeOffset activatedAt, long? acceptedTimeStep, CancellationToken cancellationToken);

    /// <summary>
    /// The replay guard: atomically records <paramref name="timeStep"/> as the factor's last accepted step if, and only
    /// if, it is greater than the one recorded (or none is). Exactly one of any number of concurrent callers with the
    /// same step succeeds.
    /// </summary>
    /// <returns><see langword="true"/> when the step was recorded; <see langword="false"/> when it was already used or is older.</returns>
    ValueTask<bool> TryAcceptTimeStepAsync(string factorId, long timeStep, CancellationToken cancellationToken);

    /// <summary>Deletes the user's pending factor, if any.</summary>
    ValueTask DeletePendingAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes all the user's factors, active and pending.</summary>
    /// <returns>The number of factors deleted.</returns>
    ValueTask<int> DeleteAllAsync(string userId, CancellationToken cancellationToken);
}

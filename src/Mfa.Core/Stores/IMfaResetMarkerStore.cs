namespace Mfa.Stores;

/// <summary>Persists <see cref="MfaResetMarker"/>s: one per user at most.</summary>
public interface IMfaResetMarkerStore
{
    /// <summary>Finds the user's marker.</summary>
    ValueTask<MfaResetMarker?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the user's marker.</summary>
    ValueTask SaveAsync(MfaResetMarker marker, CancellationToken cancellationToken);

    /// <summary>Deletes the user's marker, if any.</summary>
    ValueTask DeleteAsync(string userId, CancellationToken cancellationToken);
}

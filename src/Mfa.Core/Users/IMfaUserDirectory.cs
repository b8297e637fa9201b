namespace Mfa.Users;

/// <summary>
/// The host's users, as the engine sees them. The host implements it over its own user store; the engine asks it
/// for every user it acts on or for, so roles and organization boundaries are decided from the host's data and
/// never from what a page submitted.
/// </summary>
public interface IMfaUserDirectory
{
    /// <summary>Finds a user by the host's identifier.</summary>
    /// <param name="userId">The host's user identifier.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The user, or <see langword="null"/> when no such user exists.</returns>
    ValueTask<MfaUser?> FindByIdAsync(string userId, CancellationToken cancellationToken);
}

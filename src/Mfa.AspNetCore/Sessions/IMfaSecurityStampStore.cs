namespace Mfa.AspNetCore;

/// <summary>
/// The host's security stamps: a per-user value that changes whenever all the user's sessions must end. The host
/// implements it over its user table (ASP.NET Core Identity users already have a <c>SecurityStamp</c> column).
/// </summary>
public interface IMfaSecurityStampStore
{
    /// <summary>The user's current stamp, or <see langword="null"/> when the user no longer exists.</summary>
    ValueTask<string?> GetSecurityStampAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Replaces the user's stamp with a new random value, ending every session issued with the old one.</summary>
    ValueTask RotateSecurityStampAsync(string userId, CancellationToken cancellationToken);
}

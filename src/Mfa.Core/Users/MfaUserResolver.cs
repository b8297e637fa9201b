namespace Mfa.Users;

/// <summary>Looks users up in the host's directory, turning "no such user" into a result.</summary>
internal sealed class MfaUserResolver(IMfaUserDirectory? directory = null)
{
    public async ValueTask<MfaResult<MfaUser>> FindAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (directory is null)
        {
            throw new InvalidOperationException(
                "No IMfaUserDirectory is registered. Implement it over your user store and call services.AddMfa(...).AddUserDirectory<TDirectory>().");
        }

        var user = await directory.FindByIdAsync(userId, cancellationToken);
        if (user is null || !string.Equals(user.UserId, userId, StringComparison.Ordinal))
        {
            return MfaErrors.UserNotFound();
        }

        return MfaResult<MfaUser>.Success(user);
    }
}

using System.Collections.Concurrent;

namespace Mfa.Users;

/// <summary>
/// A user directory held in memory, for unit tests and quick experiments. Not for production: the host's own
/// user store should implement <see cref="IMfaUserDirectory"/>.
/// </summary>
public sealed class InMemoryMfaUserDirectory : IMfaUserDirectory
{
    private readonly ConcurrentDictionary<string, MfaUser> _users = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a user.</summary>
    public InMemoryMfaUserDirectory Add(MfaUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users[user.UserId] = user;
        return this;
    }

    /// <inheritdoc />
    public ValueTask<MfaUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_users.GetValueOrDefault(userId));
    }
}

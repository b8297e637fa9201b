namespace Mfa;

/// <summary>
/// An expected failure: a stable <see cref="Code"/> (see <see cref="MfaErrorCodes"/>) and a message fit to show a user.
/// Never contains a secret, a code or a full phone number.
/// </summary>
/// <param name="Code">A stable code from <see cref="MfaErrorCodes"/>.</param>
/// <param name="Description">A human-readable message.</param>
public sealed record MfaError(string Code, string Description)
{
    /// <summary>When the caller may try again (lockout end, resend cooldown, rate limit), if it applies.</summary>
    public DateTimeOffset? RetryAfter { get; init; }
}

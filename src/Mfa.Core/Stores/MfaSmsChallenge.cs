namespace Mfa.Stores;

/// <summary>
/// An outstanding SMS code. Only a keyed hash of the code is stored; its key is encrypted by
/// <see cref="Secrets.IMfaSecretProtector"/>.
/// </summary>
public sealed class MfaSmsChallenge
{
    /// <summary>A random identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The host's user identifier.</summary>
    public required string UserId { get; init; }

    /// <summary>Enrolment or sign-in. A user has at most one challenge per purpose.</summary>
    public required MfaSmsPurpose Purpose { get; init; }

    /// <summary>The factor the code proves (the pending factor for enrolment, the active one for sign-in).</summary>
    public required string FactorId { get; init; }

    /// <summary>The destination, E.164.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>The hashing key of this challenge, encrypted.</summary>
    public required byte[] ProtectedKey { get; set; }

    /// <summary>The keyed hash of the current code.</summary>
    public required byte[] CodeHash { get; set; }

    /// <summary>When the challenge was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current code was sent.</summary>
    public DateTimeOffset LastSentAt { get; set; }

    /// <summary>When the current code stops being accepted.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>How many codes this challenge has sent (the first one included).</summary>
    public int SendCount { get; set; }

    /// <summary>Wrong guesses against the current code.</summary>
    public int FailedAttempts { get; set; }
}

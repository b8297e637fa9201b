using Mfa.Totp;

namespace Mfa.Stores;

/// <summary>
/// A user's second factor as persisted. A user has at most one active and at most one pending factor; the active
/// one stays in force until a pending one is activated.
/// </summary>
public sealed class MfaFactor
{
    /// <summary>A random identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The host's user identifier.</summary>
    public required string UserId { get; init; }

    /// <summary>The kind of factor.</summary>
    public required MfaMethod Method { get; init; }

    /// <summary>Pending or active.</summary>
    public MfaFactorStatus Status { get; set; }

    /// <summary>The TOTP key, encrypted by <see cref="Secrets.IMfaSecretProtector"/>; <see langword="null"/> for SMS.</summary>
    public byte[]? ProtectedSecret { get; init; }

    /// <summary>The TOTP hash algorithm.</summary>
    public TotpAlgorithm Algorithm { get; init; }

    /// <summary>The number of digits in a code.</summary>
    public int Digits { get; init; }

    /// <summary>The TOTP period in seconds.</summary>
    public int PeriodSeconds { get; init; }

    /// <summary>The phone number in E.164 form: required for SMS, optional for the authenticator app.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>When enrolment began.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a pending factor stops being activatable.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the factor was activated.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>
    /// The last TOTP time step accepted for this factor: the replay guard. Steps at or before it are refused.
    /// </summary>
    public long? LastAcceptedTimeStep { get; set; }
}

namespace Mfa.Storage.EfCore.RecoveryCodes;

/// <summary>A user's current recovery-code set: the encrypted hashing key of its codes. One row per user.</summary>
internal sealed class MfaRecoveryCodeSet
{
    public required string UserId { get; set; }

    public required byte[] ProtectedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

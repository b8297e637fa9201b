namespace Mfa.Storage.EfCore.RecoveryCodes;

/// <summary>One recovery code, as a keyed hash; redeemed once by setting <see cref="UsedAt"/>.</summary>
internal sealed class MfaRecoveryCode
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required byte[] CodeHash { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

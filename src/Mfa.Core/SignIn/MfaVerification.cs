namespace Mfa.SignIn;

/// <summary>A successful second-factor verification.</summary>
/// <param name="Method">The factor used, or <see langword="null"/> when a recovery code was used.</param>
/// <param name="RemainingRecoveryCodes">Unused recovery codes left (worth a warning when low).</param>
public sealed record MfaVerification(MfaMethod? Method, int RemainingRecoveryCodes)
{
    /// <summary>Whether a recovery code was used.</summary>
    public bool UsedRecoveryCode => Method is null;
}

namespace Mfa.Secrets;

/// <summary>
/// Encrypts secrets before they reach a store (TOTP keys, recovery-code keys). The default implementation uses
/// ASP.NET Core Data Protection; replace it to use a KMS or HSM.
/// </summary>
public interface IMfaSecretProtector
{
    /// <summary>Encrypts and authenticates <paramref name="plaintext"/>.</summary>
    byte[] Protect(ReadOnlySpan<byte> plaintext);

    /// <summary>Decrypts data produced by <see cref="Protect"/>.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The data was tampered with or the key is gone.</exception>
    byte[] Unprotect(byte[] protectedData);
}

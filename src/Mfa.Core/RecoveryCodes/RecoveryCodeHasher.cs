using System.Security.Cryptography;
using System.Text;
using Mfa.Secrets;

namespace Mfa.RecoveryCodes;

/// <summary>Keyed hash of a normalised recovery code: HMAC-SHA256 under the set's own random key.</summary>
internal static class RecoveryCodeHasher
{
    public const int KeySizeBytes = 32;

    public static byte[] Hash(ReadOnlySpan<byte> key, string normalizedCode)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(normalizedCode.Length)];
        var length = Encoding.UTF8.GetBytes(normalizedCode, utf8);
        return HMACSHA256.HashData(key, utf8[..length]);
    }

    /// <summary>Hashes under a stored (encrypted) set key, forgetting the key afterwards.</summary>
    public static byte[] Hash(IMfaSecretProtector protector, byte[] protectedKey, string normalizedCode)
    {
        byte[] key;
        try
        {
            key = protector.Unprotect(protectedKey);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                "The recovery-code key cannot be decrypted. Check the Data Protection key ring (or your IMfaSecretProtector).", ex);
        }

        try
        {
            return Hash(key, normalizedCode);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}

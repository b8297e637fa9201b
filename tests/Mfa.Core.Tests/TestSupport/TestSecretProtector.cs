using Mfa.Secrets;

namespace Mfa.Core.Tests.TestSupport;

/// <summary>Reversible and cheap (no key ring on disk); refuses data it did not produce, as a real protector would.</summary>
internal sealed class TestSecretProtector : IMfaSecretProtector
{
    private static readonly byte[] Prefix = "TSP1"u8.ToArray();

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var result = new byte[Prefix.Length + plaintext.Length];
        Prefix.CopyTo(result, 0);
        for (var i = 0; i < plaintext.Length; i++)
        {
            result[Prefix.Length + i] = (byte)(plaintext[i] ^ 0x5A);
        }

        return result;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        if (protectedData.Length < Prefix.Length || !protectedData.AsSpan(0, Prefix.Length).SequenceEqual(Prefix))
        {
            throw new System.Security.Cryptography.CryptographicException("Not protected by this protector.");
        }

        return protectedData.Skip(Prefix.Length).Select(b => (byte)(b ^ 0x5A)).ToArray();
    }
}

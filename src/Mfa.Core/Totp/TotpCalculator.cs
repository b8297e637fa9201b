using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mfa.Totp;

/// <summary>
/// HOTP (RFC 4226) and TOTP (RFC 6238) arithmetic on spans: no allocation per call, so verification on every sign-in
/// costs the HMACs and little else.
/// </summary>
internal static class TotpCalculator
{
    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>The time step containing <paramref name="time"/> (seconds since the Unix epoch / period).</summary>
    public static long GetTimeStep(DateTimeOffset time, int periodSeconds) => time.ToUnixTimeSeconds() / periodSeconds;

    /// <summary>The HOTP value of <paramref name="counter"/>, truncated to <paramref name="digits"/> digits.</summary>
    public static int ComputeCode(ReadOnlySpan<byte> key, long counter, TotpAlgorithm algorithm, int digits)
    {
        Span<byte> message = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);

        Span<byte> hash = stackalloc byte[HMACSHA512.HashSizeInBytes];
        var length = algorithm switch
        {
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 and every authenticator app use; HMAC (unlike bare SHA-1) is not weakened by SHA-1 collisions.
            TotpAlgorithm.Sha1 => HMACSHA1.HashData(key, message, hash),
#pragma warning restore CA5350
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(key, message, hash),
            TotpAlgorithm.Sha512 => HMACSHA512.HashData(key, message, hash),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown TOTP algorithm."),
        };

        // Dynamic truncation, RFC 4226 section 5.3.
        var offset = hash[length - 1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFF_FFFF;
        return binary % PowersOfTen[digits];
    }

    /// <summary>
    /// Finds the newest step in <c>[step - window, step + window]</c> whose code equals <paramref name="code"/>. Every
    /// step in the window is computed and compared in constant time, so timing does not tell which step matched.
    /// </summary>
    /// <returns>The matching step, or <see langword="null"/>.</returns>
    public static long? FindMatchingStep(ReadOnlySpan<byte> key, int code, long step, int window, TotpAlgorithm algorithm, int digits)
    {
        long? match = null;
        Span<int> pair = stackalloc int[2];
        pair[1] = code;
        for (var candidate = step - window; candidate <= step + window; candidate++)
        {
            pair[0] = ComputeCode(key, candidate, algorithm, digits);
            var equal = CryptographicOperations.FixedTimeEquals(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(pair[..1]),
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(pair[1..]));
            if (equal)
            {
                match = candidate;
            }
        }

        return match;
    }
}

using OtpNet;

namespace Mfa.Totp;

/// <summary>
/// Builds the <c>otpauth://totp/…</c> URI of the Key-Uri-Format that authenticator apps scan: issuer prefix and
/// account in the label, both percent-encoded; secret in unpadded Base32.
/// </summary>
internal static class OtpAuthUri
{
    public static string Create(ReadOnlySpan<byte> secret, string issuer, string account, TotpAlgorithm algorithm, int digits, int periodSeconds)
    {
        var mode = algorithm switch
        {
            TotpAlgorithm.Sha1 => OtpHashMode.Sha1,
            TotpAlgorithm.Sha256 => OtpHashMode.Sha256,
            TotpAlgorithm.Sha512 => OtpHashMode.Sha512,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown TOTP algorithm."),
        };

        return new OtpUri(OtpType.Totp, ToBase32(secret), account, issuer, mode, digits, periodSeconds).ToString();
    }

    /// <summary>Unpadded Base32 (RFC 4648), as the Key-Uri-Format asks.</summary>
    public static string ToBase32(ReadOnlySpan<byte> secret) => Base32Encoding.ToString(secret.ToArray()).TrimEnd('=');

    /// <summary>The Base32 secret in groups of four for typing by hand, e.g. <c>JBSW Y3DP EHPK 3PXP</c>.</summary>
    public static string ToManualEntryKey(ReadOnlySpan<byte> secret)
    {
        var base32 = ToBase32(secret);
        return string.Join(' ', base32.Chunk(4).Select(chunk => new string(chunk)));
    }
}

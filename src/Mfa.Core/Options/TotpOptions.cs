using Mfa.Totp;

namespace Mfa;

/// <summary>Authenticator-app (TOTP, RFC 6238) settings. Defaults match what Google and Microsoft Authenticator expect.</summary>
public sealed class TotpOptions
{
    /// <summary>The HMAC algorithm of new factors. Default SHA-1; some apps ignore anything else.</summary>
    public TotpAlgorithm Algorithm { get; set; } = TotpAlgorithm.Sha1;

    /// <summary>Digits per code, 6 to 8. Default 6.</summary>
    public int Digits { get; set; } = 6;

    /// <summary>Seconds per time step, 15 to 300. Default 30.</summary>
    public int PeriodSeconds { get; set; } = 30;

    /// <summary>How many steps either side of now are accepted, 0 to 2. Default 1 (clock drift of ±30 s).</summary>
    public int Window { get; set; } = 1;

    /// <summary>Secret size in bytes, 16 to 64. Default 20 (160 bits, as RFC 4226 recommends).</summary>
    public int SecretSizeBytes { get; set; } = 20;
}

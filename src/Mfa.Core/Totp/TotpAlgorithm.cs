namespace Mfa.Totp;

/// <summary>The HMAC hash of a TOTP factor (RFC 6238). SHA-1 is what every authenticator app supports.</summary>
public enum TotpAlgorithm
{
    /// <summary>HMAC-SHA1: the default, understood by all authenticator apps.</summary>
    Sha1 = 0,

    /// <summary>HMAC-SHA256.</summary>
    Sha256 = 1,

    /// <summary>HMAC-SHA512.</summary>
    Sha512 = 2,
}

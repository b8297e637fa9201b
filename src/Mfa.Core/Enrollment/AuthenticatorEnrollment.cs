namespace Mfa.Enrollment;

/// <summary>
/// A begun authenticator-app enrolment: what to show the user so their app learns the secret. This is the only
/// place the secret ever leaves the engine; <see cref="ToString"/> leaves it out.
/// </summary>
public sealed class AuthenticatorEnrollment
{
    internal AuthenticatorEnrollment(string issuer, string accountName, string otpAuthUri, string manualEntryKey, byte[] qrCodePng, string qrCodeSvg, DateTimeOffset expiresAt)
    {
        Issuer = issuer;
        AccountName = accountName;
        OtpAuthUri = otpAuthUri;
        ManualEntryKey = manualEntryKey;
        QrCodePng = qrCodePng;
        QrCodeSvg = qrCodeSvg;
        ExpiresAt = expiresAt;
    }

    /// <summary>The issuer shown in the app.</summary>
    public string Issuer { get; }

    /// <summary>The account label shown in the app.</summary>
    public string AccountName { get; }

    /// <summary>The <c>otpauth://totp/…</c> URI (Key-Uri-Format), also encoded in the QR code.</summary>
    public string OtpAuthUri { get; }

    /// <summary>The secret in Base32, in groups of four, for typing into the app by hand.</summary>
    public string ManualEntryKey { get; }

    /// <summary>The QR code as a PNG image.</summary>
    public byte[] QrCodePng { get; }

    /// <summary>The QR code as an SVG document.</summary>
    public string QrCodeSvg { get; }

    /// <summary>When this enrolment can no longer be activated.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"Authenticator enrolment for {AccountName} (expires {ExpiresAt:O})";
}

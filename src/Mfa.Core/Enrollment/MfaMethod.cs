namespace Mfa;

/// <summary>A kind of second factor.</summary>
public enum MfaMethod
{
    /// <summary>An authenticator app producing time-based codes (TOTP), enrolled with a QR code.</summary>
    AuthenticatorApp = 0,

    /// <summary>A code sent by SMS to a mobile phone.</summary>
    Sms = 1,
}

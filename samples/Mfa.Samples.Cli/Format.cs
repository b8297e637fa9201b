using System.Globalization;
using Mfa.SignIn;

namespace Mfa.Samples.Cli;

/// <summary>How values look on the command line: the same words in text and JSON output.</summary>
internal static class Format
{
    /// <summary>UTC, to the second, ISO 8601: <c>2025-12-04T20:31:07Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? time) => time is { } t ? Time(t) : null;

    public static string Method(MfaMethod method) => method switch
    {
        MfaMethod.AuthenticatorApp => "app",
        MfaMethod.Sms => "sms",
        _ => method.ToString().ToLowerInvariant(),
    };

    public static string? Method(MfaMethod? method) => method is { } m ? Method(m) : null;

    public static string Reason(MfaEnrollmentReason reason) => reason switch
    {
        MfaEnrollmentReason.OrganizationRequiresMfa => "organization-requires-mfa",
        MfaEnrollmentReason.SmsNotAllowed => "sms-not-allowed",
        MfaEnrollmentReason.MfaWasReset => "mfa-was-reset",
        _ => reason.ToString().ToLowerInvariant(),
    };

    public static string OnOff(bool value) => value ? "on" : "off";
}

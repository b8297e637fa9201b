using System.Globalization;

namespace Mfa.Sms;

/// <summary>
/// Writes the text of an SMS code message. The default fills <see cref="SmsOptions.MessageTemplate"/>; register your
/// own to localise by culture.
/// </summary>
public interface ISmsMessageFormatter
{
    /// <summary>Returns the message text.</summary>
    /// <param name="appName">The issuer (<see cref="MfaOptions.Issuer"/>).</param>
    /// <param name="code">The code to include.</param>
    /// <param name="culture">The culture to write in (the current UI culture of the request).</param>
    string Format(string appName, string code, CultureInfo culture);
}

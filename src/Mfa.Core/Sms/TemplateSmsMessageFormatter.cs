using System.Globalization;
using Microsoft.Extensions.Options;

namespace Mfa.Sms;

/// <summary>
/// The default <see cref="ISmsMessageFormatter"/>: <see cref="SmsOptions.MessageTemplate"/> with its placeholders
/// filled, plus the WebOTP / SMS Retriever line (<c>@example.com #123456</c>) when <see cref="SmsOptions.WebOtpDomain"/> is set.
/// </summary>
internal sealed class TemplateSmsMessageFormatter(IOptions<MfaOptions> options) : ISmsMessageFormatter
{
    public string Format(string appName, string code, CultureInfo culture)
    {
        var sms = options.Value.Sms;
        var text = sms.MessageTemplate
            .Replace("{AppName}", appName, StringComparison.Ordinal)
            .Replace("{Code}", code, StringComparison.Ordinal);

        // The WebOTP origin-bound line must be the message's last line (https://wicg.github.io/web-otp/).
        return sms.WebOtpDomain is { } domain ? $"{text}\n\n@{domain} #{code}" : text;
    }
}

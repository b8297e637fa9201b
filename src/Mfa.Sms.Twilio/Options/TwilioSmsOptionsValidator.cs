using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Mfa.Sms.Twilio;

/// <summary>
/// Checks <see cref="TwilioSmsOptions"/> at start-up. Each message names the setting and says what to put there; no
/// message ever contains a configured value (secrets included).
/// </summary>
internal sealed partial class TwilioSmsOptionsValidator(TwilioSmsSettingsPath path) : IValidateOptions<TwilioSmsOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioSmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = path.Prefix;
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(options.AccountSid))
        {
            errors.Add($"{p}:AccountSid is required: copy the Account SID (AC followed by 32 hexadecimal characters) from the Twilio Console.");
        }
        else if (!Sid("AC").IsMatch(options.AccountSid))
        {
            errors.Add($"{p}:AccountSid must start with AC followed by 32 hexadecimal characters (the Account SID from the Twilio Console).");
        }

        ValidateCredentials(options, p, errors);
        ValidateSender(options, p, errors);

        if (options.Region is not null && !LocationId().IsMatch(options.Region))
        {
            errors.Add($"{p}:Region must be a Twilio region id such as ie1 or au1 (lowercase letters and digits), or be left out.");
        }

        if (options.Edge is not null && !LocationId().IsMatch(options.Edge))
        {
            errors.Add($"{p}:Edge must be a Twilio edge location such as dublin or sydney (lowercase letters), or be left out.");
        }

        Range(errors, p, "RequestTimeout", options.RequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        if (options.MaxRetries is < 0 or > 5)
        {
            errors.Add($"{p}:MaxRetries must be between 0 and 5.");
        }

        Range(errors, p, "RetryDelay", options.RetryDelay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Range(errors, p, "MaxRetryDelay", options.MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromSeconds(30));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateCredentials(TwilioSmsOptions options, string p, List<string> errors)
    {
        var hasToken = !string.IsNullOrEmpty(options.AuthToken);
        var hasKeySid = !string.IsNullOrEmpty(options.ApiKeySid);
        var hasKeySecret = !string.IsNullOrEmpty(options.ApiKeySecret);

        if (hasToken && (hasKeySid || hasKeySecret))
        {
            errors.Add($"Set either {p}:AuthToken or {p}:ApiKeySid with {p}:ApiKeySecret, not both: remove one kind of credential.");
            return;
        }

        if (!hasToken && !hasKeySid && !hasKeySecret)
        {
            errors.Add($"A Twilio credential is required: set {p}:ApiKeySid and {p}:ApiKeySecret (an API key, preferred) or {p}:AuthToken.");
            return;
        }

        if (hasToken)
        {
            if (ContainsWhiteSpace(options.AuthToken!))
            {
                errors.Add($"{p}:AuthToken must not contain spaces or line breaks: copy the Auth Token again from the Twilio Console.");
            }

            return;
        }

        if (!hasKeySid)
        {
            errors.Add($"{p}:ApiKeySid is required when {p}:ApiKeySecret is set: copy the API key's SID (SK followed by 32 hexadecimal characters).");
        }
        else if (!Sid("SK").IsMatch(options.ApiKeySid!))
        {
            errors.Add($"{p}:ApiKeySid must start with SK followed by 32 hexadecimal characters (the SID of an API key, not the Account SID).");
        }

        if (!hasKeySecret)
        {
            errors.Add($"{p}:ApiKeySecret is required when {p}:ApiKeySid is set: it was shown once when the API key was created.");
        }
        else if (ContainsWhiteSpace(options.ApiKeySecret!))
        {
            errors.Add($"{p}:ApiKeySecret must not contain spaces or line breaks.");
        }
    }

    private static void ValidateSender(TwilioSmsOptions options, string p, List<string> errors)
    {
        var hasService = !string.IsNullOrEmpty(options.MessagingServiceSid);
        var hasFrom = !string.IsNullOrEmpty(options.From);

        if (hasService && hasFrom)
        {
            errors.Add($"Set either {p}:MessagingServiceSid or {p}:From, not both: a Messaging Service picks the sender number itself.");
        }
        else if (!hasService && !hasFrom)
        {
            errors.Add($"A sender is required: set {p}:MessagingServiceSid (MG followed by 32 hexadecimal characters) or {p}:From (a Twilio number such as +15017122661).");
        }
        else if (hasService && !Sid("MG").IsMatch(options.MessagingServiceSid!))
        {
            errors.Add($"{p}:MessagingServiceSid must start with MG followed by 32 hexadecimal characters (the Messaging Service SID from the Twilio Console).");
        }
        else if (hasFrom && !E164().IsMatch(options.From!) && !ShortCode().IsMatch(options.From!) && !AlphanumericSenderId().IsMatch(options.From!))
        {
            errors.Add($"{p}:From must be a Twilio number in E.164 form (such as +15017122661), a short code, or an alphanumeric sender ID of up to 11 letters, digits and spaces with at least one letter.");
        }
    }

    private static void Range(List<string> errors, string p, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{p}:{setting} must be between {min:c} and {max:c}.");
        }
    }

    private static bool ContainsWhiteSpace(string value) => value.AsSpan().IndexOfAny(" \t\r\n") >= 0;

    private static Regex Sid(string prefix) => prefix switch
    {
        "AC" => AccountSidPattern(),
        "SK" => ApiKeySidPattern(),
        _ => MessagingServiceSidPattern(),
    };

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^SK[0-9a-fA-F]{32}$")]
    private static partial Regex ApiKeySidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSidPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[0-9]{3,8}$")]
    private static partial Regex ShortCode();

    [GeneratedRegex("^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$")]
    private static partial Regex AlphanumericSenderId();

    [GeneratedRegex("^[a-z][a-z0-9]{1,30}$")]
    private static partial Regex LocationId();
}

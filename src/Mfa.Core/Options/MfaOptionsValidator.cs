using System.Globalization;
using Microsoft.Extensions.Options;

namespace Mfa;

/// <summary>Checks <see cref="MfaOptions"/> at start-up; each message names the setting and what to put there.</summary>
internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            errors.Add("MfaOptions.Issuer is required: set it to your product's name, e.g. services.AddMfa(o => o.Issuer = \"Contoso\").");
        }
        else if (options.Issuer.Contains(':', StringComparison.Ordinal))
        {
            errors.Add("MfaOptions.Issuer must not contain ':' (authenticator apps use it to separate issuer and account).");
        }

        var totp = options.Totp;
        Range(errors, "Totp.Digits", totp.Digits, 6, 8);
        Range(errors, "Totp.PeriodSeconds", totp.PeriodSeconds, 15, 300);
        Range(errors, "Totp.Window", totp.Window, 0, 2);
        Range(errors, "Totp.SecretSizeBytes", totp.SecretSizeBytes, 16, 64);
        if (!Enum.IsDefined(totp.Algorithm))
        {
            errors.Add("MfaOptions.Totp.Algorithm must be Sha1, Sha256 or Sha512.");
        }

        Range(errors, "Enrollment.PendingLifetime", options.Enrollment.PendingLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));

        Range(errors, "RecoveryCodes.Count", options.RecoveryCodes.Count, 1, 50);
        Range(errors, "RecoveryCodes.Length", options.RecoveryCodes.Length, 10, 32);

        var throttling = options.Throttling;
        Range(errors, "Throttling.MaxFailedAttempts", throttling.MaxFailedAttempts, 1, 100);
        Range(errors, "Throttling.FreeAttempts", throttling.FreeAttempts, 0, 100);
        if (throttling.FreeAttempts > throttling.MaxFailedAttempts)
        {
            errors.Add("MfaOptions.Throttling.FreeAttempts must not exceed Throttling.MaxFailedAttempts.");
        }

        Range(errors, "Throttling.BackoffBase", throttling.BackoffBase, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Range(errors, "Throttling.LockoutDuration", throttling.LockoutDuration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));

        var sms = options.Sms;
        Range(errors, "Sms.CodeLength", sms.CodeLength, 6, 8);
        Range(errors, "Sms.CodeLifetime", sms.CodeLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        Range(errors, "Sms.MaxAttemptsPerCode", sms.MaxAttemptsPerCode, 1, 10);
        Range(errors, "Sms.ResendCooldown", sms.ResendCooldown, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Range(errors, "Sms.MaxSendsPerChallenge", sms.MaxSendsPerChallenge, 1, 20);
        Range(errors, "Sms.MaxPerUserPerHour", sms.MaxPerUserPerHour, 1, 100);
        if (sms.MaxPerOrganizationPerDay is int cap)
        {
            Range(errors, "Sms.MaxPerOrganizationPerDay", cap, 1, 10_000_000);
        }

        if (!sms.MessageTemplate.Contains("{Code}", StringComparison.Ordinal))
        {
            errors.Add("MfaOptions.Sms.MessageTemplate must contain the placeholder {Code}.");
        }

        foreach (var country in sms.AllowedCountries)
        {
            if (country is null || country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
            {
                errors.Add($"MfaOptions.Sms.AllowedCountries holds '{country}': use upper-case ISO 3166 region codes such as \"GB\".");
            }
        }

        if (sms.WebOtpDomain is { } domain && (domain.Length == 0 || domain.Contains(' ', StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal)))
        {
            errors.Add("MfaOptions.Sms.WebOtpDomain must be a bare host name such as \"example.com\".");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MfaOptions.{setting} is {value}: it must be between {min} and {max}."));
        }
    }

    private static void Range(List<string> errors, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MfaOptions.{setting} is {value}: it must be between {min} and {max}."));
        }
    }
}

using PhoneNumbers;

namespace Mfa.Phones;

/// <summary>
/// Validates user-entered phone numbers with libphonenumber: a real number for its region, able to receive SMS
/// (fixed lines are refused), returned in E.164.
/// </summary>
internal static class PhoneNumberParser
{
    private const int MaxInputLength = 40;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static MfaResult<ParsedPhoneNumber> Parse(PhoneNumberInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var number = input.Number?.Trim() ?? "";
        var country = input.Country?.Trim().ToUpperInvariant();
        if (number.Length == 0 || number.Length > MaxInputLength)
        {
            return Invalid();
        }

        if (!number.StartsWith('+'))
        {
            if (string.IsNullOrEmpty(country))
            {
                return new MfaError(MfaErrorCodes.UnknownCountry, "Choose a country, or enter the number with its international prefix (+…).");
            }

            if (!Util.GetSupportedRegions().Contains(country))
            {
                return new MfaError(MfaErrorCodes.UnknownCountry, "That country is not known.");
            }
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(number, number.StartsWith('+') ? null : country);
        }
        catch (NumberParseException)
        {
            return Invalid();
        }

        if (!Util.IsValidNumber(parsed))
        {
            return Invalid();
        }

        var type = Util.GetNumberType(parsed);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return new MfaError(MfaErrorCodes.PhoneNumberNotMobile, "That number cannot receive text messages: enter a mobile number.");
        }

        var region = Util.GetRegionCodeForNumber(parsed) ?? country ?? "ZZ";
        return MfaResult<ParsedPhoneNumber>.Success(new ParsedPhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164), region));
    }

    private static MfaError Invalid() => new(MfaErrorCodes.InvalidPhoneNumber, "That is not a valid phone number for the chosen country.");
}

/// <summary>A validated mobile number.</summary>
/// <param name="E164">The number in E.164 form.</param>
/// <param name="Region">Its ISO 3166 region.</param>
internal sealed record ParsedPhoneNumber(string E164, string Region);

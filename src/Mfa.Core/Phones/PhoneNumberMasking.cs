namespace Mfa.Phones;

/// <summary>Shows a phone number without revealing it: country code and last digits only.</summary>
public static class PhoneNumberMasking
{
    /// <summary>
    /// Masks an E.164 number, keeping the country calling code and the last two digits, e.g. <c>+447700900123</c> →
    /// <c>+44 •••• ••••23</c>. Anything that is not E.164 is masked entirely.
    /// </summary>
    public static string Mask(string? e164) => MaskOrNull(e164) ?? "•••";

    /// <summary>As <see cref="Mask"/>, but <see langword="null"/> for a <see langword="null"/> or empty number.</summary>
    public static string? MaskOrNull(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return null;
        }

        if (e164[0] != '+' || e164.Length < 6)
        {
            return "•••";
        }

        var util = global::PhoneNumbers.PhoneNumberUtil.GetInstance();
        var countryCodeLength = 1;
        try
        {
            var parsed = util.Parse(e164, null);
            countryCodeLength = parsed.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        }
        catch (global::PhoneNumbers.NumberParseException)
        {
            // Fall back to a one-digit country code: still reveals nothing beyond two trailing digits.
        }

        var national = e164.AsSpan(1 + countryCodeLength);
        var hidden = national.Length - 2;
        var masked = new System.Text.StringBuilder(e164.Length + 8);
        masked.Append(e164.AsSpan(0, 1 + countryCodeLength)).Append(' ');
        for (var i = 0; i < hidden; i++)
        {
            if (i > 0 && (hidden - i) % 4 == 0)
            {
                masked.Append(' ');
            }

            masked.Append('•');
        }

        return masked.Append(national[hidden..]).ToString();
    }
}

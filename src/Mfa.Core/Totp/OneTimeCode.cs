namespace Mfa.Totp;

/// <summary>Reads a numeric one-time code as a user typed it.</summary>
internal static class OneTimeCode
{
    /// <summary>
    /// Parses <paramref name="input"/>: spaces and hyphens are ignored, leading zeros kept; exactly
    /// <paramref name="digits"/> digits must remain.
    /// </summary>
    public static bool TryParse(string? input, int digits, out int value)
    {
        value = 0;
        if (input is null || input.Length > 64)
        {
            return false;
        }

        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || ++count > digits)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (count != digits)
        {
            value = 0;
            return false;
        }

        return true;
    }

    /// <summary>Formats a code with its leading zeros.</summary>
    public static string Format(int value, int digits) =>
        value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
}

using PhoneNumbers;

namespace Mfa.Phones;

/// <summary>The ISO 3166 region of an E.164 number.</summary>
internal static class PhoneNumberRegions
{
    public static string? Of(string e164)
    {
        try
        {
            var util = PhoneNumberUtil.GetInstance();
            return util.GetRegionCodeForNumber(util.Parse(e164, null));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}

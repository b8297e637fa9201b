namespace Mfa.Phones;

/// <summary>
/// A phone number as a user entered it: a country (ISO 3166 region such as "GB") and a national number, or an
/// international number starting with '+' (then the country may be omitted).
/// </summary>
/// <param name="Country">The ISO 3166 region code, e.g. "GB"; may be <see langword="null"/> when <paramref name="Number"/> starts with '+'.</param>
/// <param name="Number">The number as typed: national ("07700 900123") or international ("+44 7700 900123").</param>
public sealed record PhoneNumberInput(string? Country, string Number)
{
    /// <inheritdoc />
    public override string ToString() => $"phone number ({Country ?? "international"})";
}

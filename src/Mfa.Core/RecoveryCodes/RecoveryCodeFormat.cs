using System.Security.Cryptography;

namespace Mfa.RecoveryCodes;

/// <summary>
/// Recovery codes in Crockford's Base32 alphabet (no I, L, O, U): 5 bits a character, shown in groups of five
/// separated by hyphens (<c>7kq2m-x9d4f</c>). Reading forgives case, spaces, hyphens and the look-alikes O/I/L.
/// </summary>
internal static class RecoveryCodeFormat
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int GroupSize = 5;

    public static string Generate(int length)
    {
        var raw = RandomNumberGenerator.GetString(Alphabet, length);
        return string.Join('-', raw.Chunk(GroupSize).Select(group => new string(group)));
    }

    /// <summary>Normalises user input to the bare lower-case characters, or <see langword="null"/> when it cannot be a code.</summary>
    public static string? Normalize(string? input, int length)
    {
        if (input is null || input.Length > length * 3)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[length];
        var count = 0;
        foreach (var raw in input)
        {
            if (raw is ' ' or '-')
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw) switch
            {
                'o' => '0',
                'i' or 'l' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || count == length)
            {
                return null;
            }

            buffer[count++] = c;
        }

        return count == length ? new string(buffer) : null;
    }
}

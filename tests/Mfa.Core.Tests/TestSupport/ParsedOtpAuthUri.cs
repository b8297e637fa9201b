namespace Mfa.Core.Tests.TestSupport;

/// <summary>An otpauth URI read back the way an authenticator app reads it: System.Uri and percent-decoding.</summary>
internal sealed record ParsedOtpAuthUri(string Scheme, string Type, string LabelIssuer, string LabelAccount, IReadOnlyDictionary<string, string> Query)
{
    public static ParsedOtpAuthUri Parse(string text)
    {
        var uri = new Uri(text, UriKind.Absolute);

        // The label is the escaped path after the type: "Issuer:Account", with ':' literal or %3A.
        var label = uri.AbsolutePath.TrimStart('/');
        var separator = label.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0)
        {
            separator = label.IndexOf("%3A", StringComparison.OrdinalIgnoreCase);
            Assert.True(separator >= 0, $"The label of {text} has no issuer prefix.");
            return Create(uri, label[..separator], label[(separator + 3)..]);
        }

        return Create(uri, label[..separator], label[(separator + 1)..]);
    }

    private static ParsedOtpAuthUri Create(Uri uri, string issuer, string account)
    {
        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""), StringComparer.Ordinal);
        return new ParsedOtpAuthUri(uri.Scheme, uri.Host, Uri.UnescapeDataString(issuer), Uri.UnescapeDataString(account).TrimStart(' '), query);
    }
}

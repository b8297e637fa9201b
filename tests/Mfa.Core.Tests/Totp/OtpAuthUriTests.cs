using System.Xml.Linq;
using Mfa.Core.Tests.TestSupport;
using Mfa.Totp;
using Mfa.Users;
using OtpNet;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Mfa.Core.Tests.Totp;

/// <summary>What an authenticator app receives: the otpauth URI, its QR code (PNG and SVG) and the manual key.</summary>
public sealed class OtpAuthUriTests
{
    public static TheoryData<string, string> Names => new()
    {
        { "Contoso", "alice@example.com" },
        { "Contoso Ltd", "Alice Smith" },
        { "Contoso", "domain:alice" },
        { "Zürich Bank €", "jürgen.müller@bücher.example" },
        { "日本の会社", "ユーザー@例え.jp" },
        { "A&B=C?", "x+y&z=1#frag/%41" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_AnyIssuerAndAccount_RoundTripsSecretIssuerAndAccount(string issuer, string account)
    {
        var secret = Enumerable.Range(1, 20).Select(i => (byte)(i * 13)).ToArray();

        var uri = OtpAuthUri.Create(secret, issuer, account, TotpAlgorithm.Sha1, 6, 30);

        var parsed = ParsedOtpAuthUri.Parse(uri);
        Assert.Equal("otpauth", parsed.Scheme);
        Assert.Equal("totp", parsed.Type);
        Assert.Equal(issuer, parsed.LabelIssuer);
        Assert.Equal(account, parsed.LabelAccount);
        Assert.Equal(issuer, parsed.Query["issuer"]);
        Assert.DoesNotContain("=", parsed.Query["secret"], StringComparison.Ordinal);
        Assert.Equal(secret, Base32Encoding.ToBytes(parsed.Query["secret"]));
    }

    [Theory]
    [InlineData(TotpAlgorithm.Sha1, "SHA1", 6, 30)]
    [InlineData(TotpAlgorithm.Sha256, "SHA256", 8, 60)]
    [InlineData(TotpAlgorithm.Sha512, "SHA512", 7, 30)]
    public void Create_Settings_AppearInQuery(TotpAlgorithm algorithm, string expectedAlgorithm, int digits, int period)
    {
        var uri = OtpAuthUri.Create(new byte[20], "Contoso", "alice", algorithm, digits, period);

        var query = ParsedOtpAuthUri.Parse(uri).Query;
        Assert.Equal(expectedAlgorithm, query["algorithm"], ignoreCase: true);
        Assert.Equal(digits.ToString(System.Globalization.CultureInfo.InvariantCulture), query["digits"]);
        Assert.Equal(period.ToString(System.Globalization.CultureInfo.InvariantCulture), query["period"]);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(32)]
    [InlineData(64)]
    public void ToManualEntryKey_GroupsOfFour_DecodeToSameSecret(int size)
    {
        var secret = Enumerable.Range(0, size).Select(i => (byte)(255 - i)).ToArray();

        var key = OtpAuthUri.ToManualEntryKey(secret);

        var groups = key.Split(' ');
        Assert.All(groups[..^1], g => Assert.Equal(4, g.Length));
        Assert.InRange(groups[^1].Length, 1, 4);
        Assert.All(key.Replace(" ", "", StringComparison.Ordinal), c => Assert.Contains(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
        Assert.Equal(secret, Base32Encoding.ToBytes(string.Concat(groups)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task BeginAuthenticatorApp_QrCodePng_DecodesToExactlyTheOtpAuthUri(string issuer, string account)
    {
        await using var host = MfaTestHost.Create(o => o.Issuer = issuer);
        host.Users.Add(new MfaUser("u1", account, null));

        var begun = await host.Enrollment.BeginAuthenticatorAppAsync("u1", cancellationToken: TestContext.Current.CancellationToken);

        var enrollment = begun.Value;
        Assert.Equal(enrollment.OtpAuthUri, DecodeQr(enrollment.QrCodePng));
        var parsed = ParsedOtpAuthUri.Parse(enrollment.OtpAuthUri);
        Assert.Equal(issuer, parsed.LabelIssuer);
        Assert.Equal(account, parsed.LabelAccount);
        Assert.Equal(issuer, parsed.Query["issuer"]);
        Assert.Equal(
            Base32Encoding.ToBytes(enrollment.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal)),
            Base32Encoding.ToBytes(parsed.Query["secret"]));
    }

    [Fact]
    public async Task BeginAuthenticatorApp_QrCodeSvg_IsWellFormedXmlWithSvgRoot()
    {
        await using var host = MfaTestHost.Create();

        var (enrollment, _) = await host.BeginAsync();

        var document = XDocument.Parse(enrollment.QrCodeSvg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Equal("http://www.w3.org/2000/svg", document.Root.Name.NamespaceName);
        Assert.NotEmpty(document.Root.Descendants());
    }

    private static string DecodeQr(byte[] png)
    {
        var (luminance, width, height) = PngDecoder.DecodeToGray8(png);
        var source = new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false, [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        Assert.NotNull(result);
        return result.Text;
    }
}

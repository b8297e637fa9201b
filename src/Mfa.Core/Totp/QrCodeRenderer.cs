using QRCoder;

namespace Mfa.Totp;

/// <summary>Draws a URI as a QR code, PNG and SVG, with QRCoder.</summary>
internal static class QrCodeRenderer
{
    // Medium error correction and 8 pixels per module: scans reliably from a screen without a huge image.
    private const int PixelsPerModule = 8;

    public static (byte[] Png, string Svg) Render(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule);
        var svg = new SvgQRCode(data).GetGraphic(PixelsPerModule);
        return (png, svg);
    }
}

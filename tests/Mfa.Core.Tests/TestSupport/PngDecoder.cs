using System.Buffers.Binary;
using System.IO.Compression;

namespace Mfa.Core.Tests.TestSupport;

/// <summary>
/// A minimal PNG reader (non-interlaced; greyscale, RGB, indexed, with or without alpha) giving 8-bit luminance, so
/// QR codes can be decoded on Linux, where System.Drawing is not available.
/// </summary>
internal static class PngDecoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (byte[] Luminance, int Width, int Height) DecodeToGray8(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG.");
        }

        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        var position = 8;
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                    {
                        throw new NotSupportedException("Interlaced PNGs are not supported.");
                    }

                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            position += 12 + length;
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"Colour type {colorType}.") };
        var bitsPerPixel = channels * bitDepth;
        var stride = ((width * bitsPerPixel) + 7) / 8;
        var filterUnit = Math.Max(1, bitsPerPixel / 8);

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        inflater.ReadExactly(raw);

        var previous = new byte[stride];
        var current = new byte[stride];
        var gray = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(current);
            Unfilter(filter, current, previous, filterUnit);
            for (var x = 0; x < width; x++)
            {
                gray[(y * width) + x] = Luminance(current, x, bitDepth, colorType, palette);
            }

            (previous, current) = (current, previous);
        }

        return (gray, width, height);
    }

    private static void Unfilter(byte filter, byte[] line, byte[] above, int unit)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= unit ? line[i - unit] : 0;
            int up = above[i];
            int upLeft = i >= unit ? above[i - unit] : 0;
            line[i] = (byte)(line[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Filter {filter}."),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte Luminance(byte[] line, int x, int bitDepth, int colorType, byte[]? palette)
    {
        int Sample(int index)
        {
            if (bitDepth == 8)
            {
                return line[index];
            }

            var bitOffset = index * bitDepth;
            var value = (line[bitOffset / 8] >> (8 - bitDepth - (bitOffset % 8))) & ((1 << bitDepth) - 1);
            return colorType == 3 ? value : value * 255 / ((1 << bitDepth) - 1);
        }

        switch (colorType)
        {
            case 0:
                return (byte)Sample(x);
            case 4:
                return line[x * 2];
            case 3:
                var entry = Sample(x) * 3;
                return (byte)((palette![entry] + palette[entry + 1] + palette[entry + 2]) / 3);
            default:
                var channels = colorType == 2 ? 3 : 4;
                return (byte)((line[x * channels] + line[(x * channels) + 1] + line[(x * channels) + 2]) / 3);
        }
    }
}

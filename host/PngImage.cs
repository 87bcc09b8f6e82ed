using Euterpe.Core;
using SkiaSharp;

namespace Euterpe.Host;

/// <summary>Window pixels (BGRA, as XGetImage gives a 24/32-bit TrueColor window) to and from PNG files, through Skia.</summary>
public static class PngImage
{
    /// <summary>Writes the pixels as an opaque PNG: a temporary file renamed over <paramref name="path"/>, nothing half-written.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bgra, int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        bgra.CopyTo(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255; // X leaves the fourth byte undefined
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new EuterpeException($"{path}: the screenshot could not be encoded as PNG");
        AtomicFile.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>Reads a PNG back as BGRA pixels (tests, and whoever checks a screenshot).</summary>
    public static (byte[] Bgra, int Width, int Height) Read(string path)
    {
        using var decoded = SKBitmap.Decode(path) ?? throw new EuterpeException($"{path}: not a PNG Skia can read");
        using var bitmap = decoded.ColorType == SKColorType.Bgra8888 ? decoded.Copy() : decoded.Copy(SKColorType.Bgra8888);
        return (bitmap.GetPixelSpan().ToArray(), bitmap.Width, bitmap.Height);
    }
}

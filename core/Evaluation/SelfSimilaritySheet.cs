using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Several pieces' per-bar self-similarity matrices on one grayscale sheet, a row per set (say generated, then real),
/// every panel scaled to the same side so a 16-bar clip and a 100-bar song can be compared by eye: white = same
/// harmony, black = nothing in common, row 0 of each matrix at the panel's top. Panels are separated by a dark-gray
/// gutter; a piece without bars leaves its panel gutter-gray.
/// </summary>
public static class SelfSimilaritySheet
{
    public const byte GutterGray = 64;

    /// <summary>Draws <paramref name="rows"/> of pieces, each panel <paramref name="panelPixels"/> a side, <paramref name="gutterPixels"/> apart.</summary>
    public static GrayscaleImage Draw(IReadOnlyList<IReadOnlyList<NoteSequence>> rows, int panelPixels = 160, int gutterPixels = 8)
    {
        if (rows.Count == 0 || rows.All(r => r.Count == 0)) throw new ArgumentException("nothing to draw", nameof(rows));
        if (panelPixels < 1 || gutterPixels < 0) throw new ArgumentOutOfRangeException(nameof(panelPixels), "panels need a pixel and gutters cannot be negative");
        var columns = rows.Max(r => r.Count);
        var stride = panelPixels + gutterPixels;
        var image = new GrayscaleImage(gutterPixels + columns * stride, gutterPixels + rows.Count * stride);
        image.Pixels.AsSpan().Fill(GutterGray);
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Count; c++)
                DrawPanel(image, SelfSimilarityMatrix.PerBar(rows[r][c]), gutterPixels + c * stride, gutterPixels + r * stride, panelPixels);
        return image;
    }

    // Nearest cell for each pixel: a matrix larger than the panel is sampled, a smaller one drawn as blocks.
    private static void DrawPanel(GrayscaleImage image, SelfSimilarityMatrix matrix, int left, int top, int side)
    {
        var n = matrix.Size;
        if (n == 0) return;
        for (var y = 0; y < side; y++)
        {
            var i = (int)((long)y * n / side);
            for (var x = 0; x < side; x++)
            {
                var j = (int)((long)x * n / side);
                image[left + x, top + y] = (byte)Math.Round(255 * Math.Clamp(matrix[i, j], 0, 1));
            }
        }
    }
}

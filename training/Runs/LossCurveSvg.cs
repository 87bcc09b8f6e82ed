using System.Globalization;
using System.Text;

namespace Euterpe.Training.Runs;

/// <summary>A small self-contained SVG line chart of training and validation loss against step (or two other curves, named by the caller).</summary>
public static class LossCurveSvg
{
    private const int Width = 640, Height = 360, Left = 60, Right = 20, Top = 30, Bottom = 40;

    public static string Render(IReadOnlyList<LossPoint> points, string title, string trainLabel = "train", string validationLabel = "validation",
        string unit = "nats/token")
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\">{Escape(title)}</text>\n"));
        var values = points.Select(p => p.TrainLoss).Concat(points.Where(p => p.ValidationLoss.HasValue).Select(p => p.ValidationLoss!.Value))
            .Where(double.IsFinite).ToList();
        if (points.Count == 0 || values.Count == 0)
        {
            svg.Append("</svg>\n");
            return svg.ToString();
        }
        double minStep = points[0].Step, maxStep = Math.Max(points[^1].Step, minStep + 1);
        double minLoss = values.Min(), maxLoss = values.Max();
        if (maxLoss - minLoss < 1e-9) (minLoss, maxLoss) = (minLoss - 0.5, maxLoss + 0.5);
        double X(double step) => Left + (step - minStep) / (maxStep - minStep) * (Width - Left - Right);
        double Y(double loss) => Top + (maxLoss - loss) / (maxLoss - minLoss) * (Height - Top - Bottom);

        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var loss = minLoss + (maxLoss - minLoss) * i / 4;
            var step = minStep + (maxStep - minStep) * i / 4;
            svg.Append(Invariant($"<text x=\"{Left - 5}\" y=\"{Y(loss) + 4:0.0}\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"11\">{loss:0.00}</text>\n"));
            svg.Append(Invariant($"<text x=\"{X(step):0.0}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\">{step:0}</text>\n"));
        }
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\">step</text>\n"));
        svg.Append(Invariant($"<text x=\"14\" y=\"{Height / 2}\" transform=\"rotate(-90 14 {Height / 2})\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\">{Escape(unit)}</text>\n"));
        Polyline(svg, points.Where(p => double.IsFinite(p.TrainLoss)).Select(p => (X(p.Step), Y(p.TrainLoss))), "#1f77b4");
        Polyline(svg, points.Where(p => p.ValidationLoss is { } v && double.IsFinite(v)).Select(p => (X(p.Step), Y(p.ValidationLoss!.Value))), "#d62728");
        svg.Append(Invariant($"<text x=\"{Width - Right - 150}\" y=\"{Top + 12}\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#1f77b4\">{Escape(trainLabel)}</text>\n"));
        svg.Append(Invariant($"<text x=\"{Width - Right - 100}\" y=\"{Top + 12}\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#d62728\">{Escape(validationLabel)}</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Polyline(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour)
    {
        var list = points.Select(p => Invariant($"{p.X:0.0},{p.Y:0.0}")).ToList();
        if (list.Count == 0) return;
        svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{string.Join(' ', list)}\"/>\n");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

using System.Globalization;

namespace Euterpe.Quality;

/// <summary>One target of issue 14 for one set: the measured value, the corpus's, the bound, and whether it holds.</summary>
internal sealed record QualityTarget(string Preset, string Set, string Metric, double? Value, double? Corpus, string Bound, bool Holds)
{
    public string[] Cells() => [Preset, Set, Metric, F(Value), F(Corpus), Bound, Value is null ? "n/a" : Holds ? "yes" : "NO"];

    private static string F(double? v) => v is { } x ? x.ToString(Math.Abs(x) >= 100 ? "F0" : "F3", CultureInfo.InvariantCulture) : "-";
}

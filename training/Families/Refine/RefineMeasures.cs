using Euterpe.Core.Families.Refine;
using Euterpe.Core.Generation;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// How well a refine net does on held-out parts (whole parts, at most <see cref="MaxParts"/> of
/// <see cref="MaxNotes"/> notes). Duration net: each note's length and each onset gap (chord members' zero gaps left
/// out) after the stretch and after refining, as the mean |log2(x / truth)| and the share within 5 % of the truth.
/// Velocity net: Pearson correlation of its velocities with the real ones over the parts whose velocities vary
/// (standard deviation above 3) — pooled over their notes, and within each part (the mean of the parts' own r, which
/// leaves out how loud each part is as a whole) — its mean absolute error, and that of the best constant per part (the
/// part's own mean velocity, which the net is not told). <see cref="Loss"/> is the training loss on the same notes.
/// </summary>
public sealed record RefineMeasures
{
    public const int MaxParts = 200;
    public const int MaxNotes = 512;

    public int Parts { get; init; }
    public long Notes { get; init; }
    public double Loss { get; init; }
    public double? StretchedLengthError { get; init; }
    public double? RefinedLengthError { get; init; }
    public double? StretchedLengthsWithin5 { get; init; }
    public double? RefinedLengthsWithin5 { get; init; }
    public double? StretchedGapError { get; init; }
    public double? RefinedGapError { get; init; }
    public int VariedParts { get; init; }
    public double? VelocityCorrelation { get; init; }
    public double? VelocityCorrelationWithinParts { get; init; }
    public double? VelocityMeanAbsoluteError { get; init; }
    public double? PartMeanVelocityError { get; init; }

    public static RefineMeasures Measure(RefineModel model, IReadOnlyList<NotePart> heldOut, RefineRunConfig config, Device device)
    {
        var kind = config.Kind;
        var (f, o) = (kind.Inputs(), kind.Outputs());
        var random = new RandomSource(config.Seed ^ 0x5EEDF00DUL);
        double loss = 0;
        long notes = 0;
        var (lengthBefore, lengthAfter, withinBefore, withinAfter, gapBefore, gapAfter, gaps) = (0.0, 0.0, 0, 0, 0.0, 0.0, 0);
        var (predicted, real) = (new List<double>(), new List<double>());
        var (absolute, baseline, varied) = (0.0, 0.0, 0);
        var withinParts = new List<double>();
        var parts = heldOut.Take(MaxParts).Select(p => p.Count > MaxNotes ? p.Slice(0, MaxNotes) : p).ToList();
        model.eval();
        using (torch.no_grad())
        {
            foreach (var part in parts)
            {
                var (inputs, targets) = RefineExamples.Of(part, kind, config.Stretch, random);
                float[] outputs;
                using (var scope = torch.NewDisposeScope())
                    outputs = model.forward(torch.tensor(inputs, new long[] { 1, part.Count, f }).to(device)).cpu().data<float>().ToArray();
                for (var i = 0; i < outputs.Length; i++) loss += (outputs[i] - targets[i]) * (outputs[i] - targets[i]);
                notes += part.Count;
                if (kind == RefineNetKind.Duration)
                {
                    for (var i = 0; i < part.Count; i++)
                    {
                        // Errors in log2 of beats: the features hold log2(beats) / 4.
                        var truth = targets[i * o];
                        lengthBefore += 4 * Math.Abs(inputs[i * f + 1] - truth);
                        lengthAfter += 4 * Math.Abs(outputs[i * o] - truth);
                        withinBefore += Within5(inputs[i * f + 1], truth) ? 1 : 0;
                        withinAfter += Within5(outputs[i * o], truth) ? 1 : 0;
                        if (i + 1 < part.Count && part.Onsets[i + 1] > part.Onsets[i])
                        {
                            gapBefore += 4 * Math.Abs(inputs[i * f + 2] - targets[i * o + 1]);
                            gapAfter += 4 * Math.Abs(outputs[i * o + 1] - targets[i * o + 1]);
                            gaps++;
                        }
                    }
                }
                else
                {
                    var mean = part.Velocities.Average();
                    for (var i = 0; i < part.Count; i++)
                    {
                        var v = RefineFeatures.VelocityOf(outputs[i]);
                        absolute += Math.Abs(v - part.Velocities[i]);
                        baseline += Math.Abs(mean - part.Velocities[i]);
                    }
                    if (StandardDeviation(part.Velocities) > 3)
                    {
                        varied++;
                        var first = predicted.Count;
                        for (var i = 0; i < part.Count; i++)
                        {
                            predicted.Add(RefineFeatures.VelocityOf(outputs[i]));
                            real.Add(part.Velocities[i]);
                        }
                        if (Correlation(predicted[first..], real[first..]) is { } r) withinParts.Add(r);
                    }
                }
            }
        }
        model.train();
        double? Mean(double sum, long count) => count > 0 ? sum / count : null;
        return new RefineMeasures
        {
            Parts = parts.Count,
            Notes = notes,
            Loss = notes > 0 ? loss / (notes * o) : double.NaN,
            StretchedLengthError = kind == RefineNetKind.Duration ? Mean(lengthBefore, notes) : null,
            RefinedLengthError = kind == RefineNetKind.Duration ? Mean(lengthAfter, notes) : null,
            StretchedLengthsWithin5 = kind == RefineNetKind.Duration ? Mean(withinBefore, notes) : null,
            RefinedLengthsWithin5 = kind == RefineNetKind.Duration ? Mean(withinAfter, notes) : null,
            StretchedGapError = kind == RefineNetKind.Duration ? Mean(gapBefore, gaps) : null,
            RefinedGapError = kind == RefineNetKind.Duration ? Mean(gapAfter, gaps) : null,
            VariedParts = varied,
            VelocityCorrelation = kind == RefineNetKind.Velocity ? Correlation(predicted, real) : null,
            VelocityCorrelationWithinParts = withinParts.Count > 0 ? withinParts.Average() : null,
            VelocityMeanAbsoluteError = kind == RefineNetKind.Velocity ? Mean(absolute, notes) : null,
            PartMeanVelocityError = kind == RefineNetKind.Velocity ? Mean(baseline, notes) : null,
        };
    }

    // Within 5 % of the true length, both as log2(beats) / 4.
    private static bool Within5(float value, float truth) => Math.Abs(4 * (value - truth)) <= Math.Log2(1.05);

    private static double StandardDeviation(int[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    /// <summary>Pearson's r; null with fewer than two notes or a constant side.</summary>
    public static double? Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2) return null;
        var (ma, mb) = (a.Average(), b.Average());
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : null;
    }
}

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// How well a filled roll restores what its facade lost, counted in cells (128 pitches × 8 steps a beat) on held-out
/// crops. Fill: among cells silent in the facade, those the model turns on (above the threshold) against those the
/// roll has on (the dropped notes and blanked bars): precision, recall, F1. Whole roll: the cell F1 of facade + fill
/// against the roll, beside the facade's own (it keeps every note it has and adds none: precision 1, recall = its
/// share of the roll's cells), so a fill that adds more wrong cells than right ones shows as a lower F1 than the facade's.
/// </summary>
public sealed record FillScore(long FillTrue, long FillFalse, long Missing, long FacadeOn, long RollOn)
{
    public double FillPrecision => FillTrue + FillFalse == 0 ? 0 : FillTrue / (double)(FillTrue + FillFalse);
    public double FillRecall => FillTrue + Missing == 0 ? 0 : FillTrue / (double)(FillTrue + Missing);
    public double FillF1 => F1(FillPrecision, FillRecall);

    /// <summary>The facade alone against the roll (every facade cell is a roll cell).</summary>
    public double FacadeF1 => F1(RollOn == 0 ? 0 : 1, RollOn == 0 ? 0 : FacadeOn / (double)RollOn);

    /// <summary>Facade + fill against the roll.</summary>
    public double FilledF1
    {
        get
        {
            var on = FacadeOn + FillTrue + FillFalse;
            var right = FacadeOn + FillTrue;
            return F1(on == 0 ? 0 : right / (double)on, RollOn == 0 ? 0 : right / (double)RollOn);
        }
    }

    private static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    /// <summary>Counts one crop: <paramref name="facade"/> its roll channel, <paramref name="filled"/> the model's output.</summary>
    public static FillScore Count(ReadOnlySpan<float> roll, ReadOnlySpan<float> facade, ReadOnlySpan<float> filled, double threshold)
    {
        long fillTrue = 0, fillFalse = 0, missing = 0, facadeOn = 0, rollOn = 0;
        for (var i = 0; i < roll.Length; i++)
        {
            var real = roll[i] > 0;
            if (real) rollOn++;
            if (facade[i] > 0) { facadeOn++; continue; }
            var on = filled[i] > threshold;
            if (on && real) fillTrue++;
            else if (on) fillFalse++;
            else if (real) missing++;
        }
        return new FillScore(fillTrue, fillFalse, missing, facadeOn, rollOn);
    }

    public FillScore Add(FillScore other) => new(FillTrue + other.FillTrue, FillFalse + other.FillFalse, Missing + other.Missing,
        FacadeOn + other.FacadeOn, RollOn + other.RollOn);

    public static FillScore Zero { get; } = new(0, 0, 0, 0, 0);
}

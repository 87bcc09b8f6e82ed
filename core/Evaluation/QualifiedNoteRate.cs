using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Qualified-note rate (MuseGAN, Dong et al. 2018): the fraction of melodic notes at least a 32nd note long
/// (3 steps at 24 steps per beat, i.e. ticks-per-quarter / 8). Low values mean fragmented, flickering output.
/// NaN when there are no notes.
/// </summary>
public static class QualifiedNoteRate
{
    public static double Compute(NoteSequence sequence, double minQuarters = 0.125)
    {
        var minTicks = minQuarters * sequence.TicksPerQuarter;
        int total = 0, qualified = 0;
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum) continue;
            total++;
            if (n.DurationTicks >= minTicks - 1e-9) qualified++;
        }
        return total == 0 ? double.NaN : (double)qualified / total;
    }
}

using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Polyphonic rate ("polyphonicity", MuseGAN, Dong et al. 2018): the fraction of time steps, from the start of
/// the piece to its last note end, in which at least <c>minPitches</c> distinct pitches sound (default 2, i.e.
/// "more than one pitch on"). Steps are 1/24 beat, tracks merged, drums ignored. Note: pypianoroll's
/// implementation counts steps with strictly more than its threshold of 2 (three pitches or more); pass
/// <c>minPitches: 3</c> to match it. NaN for an empty piece.
/// </summary>
public static class PolyphonicRate
{
    public static double Compute(NoteSequence sequence, int minPitches = 2, int stepsPerBeat = 24)
    {
        var grid = new StepGrid(sequence, stepsPerBeat);
        return grid.TotalSteps == 0 ? double.NaN : (double)grid.StepsWithAtLeast(minPitches) / grid.TotalSteps;
    }
}

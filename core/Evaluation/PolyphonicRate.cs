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

    /// <summary>
    /// Polyphony as the piano-roll GAN papers report it (a rate above 1: 1.296 generated vs 1.237 real in the DCGAN
    /// source): the mean number of distinct pitches sounding over the 1/24-beat steps in which any pitch sounds. Tracks
    /// merged, drums ignored; NaN for a piece without pitched notes.
    /// </summary>
    public static double MeanPitches(NoteSequence sequence, int stepsPerBeat = 24)
    {
        var grid = new StepGrid(sequence, stepsPerBeat);
        var sounding = grid.StepsWithAtLeast(1);
        return sounding == 0 ? double.NaN : (double)grid.SoundingPitchSteps() / sounding;
    }
}

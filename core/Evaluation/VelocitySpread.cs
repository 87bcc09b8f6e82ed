using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Dynamics: the population standard deviation of the velocities (1…127) of melodic (non-drum) notes; 0 when every
/// note is played equally loud. NaN without notes.
/// </summary>
public static class VelocitySpread
{
    public static double StandardDeviation(NoteSequence sequence) =>
        SampleStatistics.StandardDeviation([.. sequence.Notes.Where(n => !n.IsDrum).Select(n => (double)n.Velocity)]);
}

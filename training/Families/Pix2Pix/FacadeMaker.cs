using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Generation;

namespace Euterpe.Training.Families.Pix2Pix;

/// <summary>
/// Makes the facade a crop is trained to fill (Pix2Pix's input): every note (a run of sounding cells of one pitch) is
/// dropped with probability <see cref="NoteDrop"/>, and with probability <see cref="BarChance"/> a span of one or two
/// whole bars is blanked (every cell silent) and marked in the hole mask, as the user's `--bars` blanks bars. Dropped
/// notes are not marked: a user's clip does not say where its missing notes are. The same seed gives the same facade.
/// </summary>
public sealed class FacadeMaker(double noteDrop, double barChance)
{
    private readonly RandomSource _random = new(0);

    public double NoteDrop => noteDrop;
    public double BarChance => barChance;

    /// <summary>
    /// The facade of <paramref name="roll"/> (128 × 128) into <paramref name="facade"/> (2 × 128 × 128: roll, hole mask).
    /// Returns the blanked bars as (first, count) with count 0 when none was.
    /// </summary>
    public (int FirstBar, int Bars) Make(ReadOnlySpan<float> roll, Span<float> facade, ulong seed)
    {
        _random.Reseed(seed);
        var cells = Pix2PixGrid.CellsPerRoll;
        var notes = facade[..cells];
        var mask = facade.Slice(cells, cells);
        roll[..cells].CopyTo(notes);
        mask.Clear();
        for (var pitch = 0; pitch < Pix2PixGrid.Pitches; pitch++)
        {
            var step = 0;
            while (step < Pix2PixGrid.Steps)
            {
                if (!(roll[step * Pix2PixGrid.Pitches + pitch] > 0)) { step++; continue; }
                var end = step;
                while (end < Pix2PixGrid.Steps && roll[end * Pix2PixGrid.Pitches + pitch] > 0) end++;
                if (_random.NextDouble() < noteDrop)
                    for (var s = step; s < end; s++) notes[s * Pix2PixGrid.Pitches + pitch] = 0;
                step = end;
            }
        }
        if (!(_random.NextDouble() < barChance)) return (0, 0);
        var bars = 1 + _random.NextInt(2);
        var first = _random.NextInt(Pix2PixGrid.BarsPerClip - bars + 1);
        Pix2PixGrid.BlankBars(facade, first, bars);
        return (first, bars);
    }
}

namespace Euterpe.Core.Families.Pix2Pix;

/// <summary>
/// Fills a clip with the inpainter, as `generate --infill` and the instrument's Fill Clip both do: the clip's notes on
/// the 8-steps-a-beat grid, cut into crops of 16 beats (four 4/4 bars) from its start, each crop's facade the notes in it
/// (velocity / 127, the loudest where they overlap) with the chosen bars blanked and marked in the hole mask. A cell the
/// model gives above the threshold becomes part of a filled note when the clip's own notes leave it silent and it lies
/// inside the chosen bars (anywhere in the clip when none are chosen) and inside the clip's bars; a run of such cells of
/// one pitch is one note, its velocity the first cell's value × 127. The clip's own notes are never changed: the caller
/// keeps them and adds these. One crop is one model run, so a clip of N bars costs ⌈N / 4⌉ runs.
/// </summary>
public sealed class ClipFiller(OnnxFillModel model)
{
    private readonly float[] _facade = new float[Pix2PixGrid.InputChannels * Pix2PixGrid.CellsPerRoll];
    private readonly float[] _filled = new float[Pix2PixGrid.CellsPerRoll];
    private readonly bool[] _own = new bool[Pix2PixGrid.CellsPerRoll];

    /// <summary>The filled notes, in order of crop, pitch and start.</summary>
    /// <param name="bars">The clip's length in bars (at least the bars its notes reach).</param>
    /// <param name="blank">Bars to blank and fill, 0-based and inclusive; null: fill the whole clip around its notes.</param>
    public List<RollNote> Fill(IReadOnlyList<RollNote> notes, int bars, (int First, int Last)? blank, float threshold)
    {
        const int steps = Pix2PixGrid.Steps, pitches = Pix2PixGrid.Pitches;
        var result = new List<RollNote>();
        var crops = (bars + Pix2PixGrid.BarsPerClip - 1) / Pix2PixGrid.BarsPerClip;
        for (var crop = 0; crop < crops; crop++)
        {
            var from = crop * steps;
            Array.Clear(_facade);
            Array.Clear(_own);
            foreach (var note in notes)
                for (var step = Math.Max(note.StartStep, from); step < Math.Min(note.EndStep, from + steps); step++)
                {
                    var cell = (step - from) * pitches + note.Pitch;
                    _own[cell] = true;
                    _facade[cell] = Math.Max(_facade[cell], note.Velocity / 127f);
                }
            var firstBar = crop * Pix2PixGrid.BarsPerClip;
            if (blank is var (first, last))
            {
                var lo = Math.Max(first, firstBar) - firstBar;
                var hi = Math.Min(last, firstBar + Pix2PixGrid.BarsPerClip - 1) - firstBar;
                if (hi < lo) continue; // nothing to fill in this crop
                Pix2PixGrid.BlankBars(_facade, lo, hi - lo + 1);
            }
            model.Run(_facade, _filled);
            var end = Math.Min(steps, bars * Pix2PixGrid.StepsPerBar - from);
            bool Fillable(int step, int pitch) =>
                _filled[step * pitches + pitch] > threshold && !_own[step * pitches + pitch]
                && (blank is not var (f, l) || (firstBar + step / Pix2PixGrid.StepsPerBar) is var bar && bar >= f && bar <= l);
            for (var pitch = 0; pitch < pitches; pitch++)
            {
                var step = 0;
                while (step < end)
                {
                    if (!Fillable(step, pitch)) { step++; continue; }
                    var stop = step + 1;
                    while (stop < end && Fillable(stop, pitch)) stop++;
                    var velocity = (int)Math.Clamp(Math.Round(_filled[step * pitches + pitch] * 127), 1, 127);
                    result.Add(new RollNote(pitch, velocity, from + step, from + stop));
                    step = stop;
                }
            }
        }
        return result;
    }
}

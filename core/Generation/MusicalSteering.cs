namespace Euterpe.Core.Generation;

/// <summary>
/// A player's musical controls as a conditional model can take them (<see cref="INoteGenerator.Steer"/>): a key and a
/// scale (<see cref="MusicalScale"/>; 0, Chromatic, means no key), a density as a fraction of the training
/// corpus's mean (1 = the corpus's own), and a pitch: semitones the register the model hears moves from the one it
/// starts from (the instrument's XY pair is pitch and density, as the source's gesture demo played it).
/// </summary>
public readonly record struct MusicalSteering(int Key, int Scale, double DensityFraction, double PitchSemitones = 0)
{
    /// <summary>
    /// Writes the 14 features a conditional model was trained on (<see cref="Encoding.ConditioningFeatures"/>) into
    /// <paramref name="values"/>: <paramref name="start"/> (the controls a seed starts from), with the key's scale as
    /// equal pitch-class weights (Chromatic keeps the start's histogram), the corpus's density
    /// (<paramref name="meanDensity"/>, normalised) times the fraction, and the start's mean pitch moved by
    /// <see cref="PitchSemitones"/>. Allocates nothing.
    /// </summary>
    public void Apply(ReadOnlySpan<float> start, float meanDensity, Span<float> values)
    {
        start.CopyTo(values);
        if (Scale > 0)
        {
            var inScale = 0;
            for (var pc = 0; pc < 12; pc++) if (MusicalScale.Contains(Scale, Key, pc)) inScale++;
            for (var pc = 0; pc < 12; pc++) values[pc] = MusicalScale.Contains(Scale, Key, pc) ? 1f / inScale : 0f;
        }
        values[12] = (float)Math.Clamp(meanDensity * DensityFraction, 0, 1);
        // The mean-pitch feature is MIDI pitch / 127.
        values[13] = (float)Math.Clamp(start[13] + PitchSemitones / 127, 0, 1);
    }
}

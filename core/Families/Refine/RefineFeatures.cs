namespace Euterpe.Core.Families.Refine;

/// <summary>
/// What the two refine nets read and write for each note of a <see cref="NotePart"/>, shared by training and playing
/// so both see the same numbers. Times go in as <see cref="LogBeats"/>: log2 of beats over 4, floored at a 64th note,
/// so a sixteenth is −0.5, a quarter 0, a whole note 0.5.
/// <para>Duration net: in (pitch, length, gap to the next onset, and where both fall on the beat's grids) of a note whose
/// length and gap were stretched; out the length and gap it had. Velocity net: in pitch, length, the gaps to the next and from the previous onset, the onset's
/// place in its beat and its 4/4 bar (sine and cosine), how many notes start with it, whether it is the highest of them,
/// and its height against the part's mean pitch; out its velocity over 127.</para>
/// </summary>
public static class RefineFeatures
{
    public const int DurationInputs = 11;
    public const int DurationOutputs = 2;
    public const int VelocityInputs = 11;
    public const int VelocityOutputs = 1;

    /// <summary>The shortest time the features tell apart: a 64th note.</summary>
    public const double FloorBeats = 1.0 / 16;

    public static float LogBeats(double beats) => (float)(Math.Log2(Math.Max(beats, FloorBeats)) / 4);

    public static double Beats(float logBeats) => Math.Pow(2, 4 * (double)logBeats);

    /// <summary>
    /// Writes the duration net's inputs for note <paramref name="i"/>: pitch, length and gap as <see cref="LogBeats"/>,
    /// then where the length and the gap fall between the lines of a sixteenth grid and of an eighth-triplet grid (sine
    /// and cosine of their phase), which is what snapping a stretched time back to the grid needs.
    /// </summary>
    public static void Duration(NotePart part, int i, Span<float> input) => Duration(part.Pitches[i], part.Durations[i], part.Gap(i), input);

    /// <summary>The duration net's inputs for a note of <paramref name="length"/> beats whose next onset is <paramref name="gap"/> beats later.</summary>
    public static void Duration(int pitch, double length, double gap, Span<float> input)
    {
        input[0] = pitch / 128f;
        input[1] = LogBeats(length);
        input[2] = LogBeats(gap);
        Phase(length, 0.25, input[3..]);
        Phase(gap, 0.25, input[5..]);
        Phase(length, 1.0 / 3, input[7..]);
        Phase(gap, 1.0 / 3, input[9..]);
    }

    private static void Phase(double beats, double grid, Span<float> output)
    {
        var angle = 2 * Math.PI * beats / grid;
        output[0] = (float)Math.Sin(angle);
        output[1] = (float)Math.Cos(angle);
    }

    /// <summary>The duration net's targets for note <paramref name="i"/>: its length and gap as <see cref="LogBeats"/>.</summary>
    public static void DurationTarget(NotePart part, int i, Span<float> target)
    {
        target[0] = LogBeats(part.Durations[i]);
        target[1] = LogBeats(part.Gap(i));
    }

    /// <summary>The part's mean pitch, which <see cref="Velocity"/> measures each note's height against.</summary>
    public static float MeanPitch(NotePart part) => part.Count == 0 ? 60 : (float)part.Pitches.Average();

    /// <summary>Writes the velocity net's inputs for note <paramref name="i"/>.</summary>
    public static void Velocity(NotePart part, int i, float meanPitch, Span<float> input)
    {
        var onset = part.Onsets[i];
        var (first, last) = (i, i);
        while (first > 0 && part.Onsets[first - 1] == onset) first--;
        while (last + 1 < part.Count && part.Onsets[last + 1] == onset) last++;
        var previous = first > 0 ? onset - part.Onsets[first - 1] : 0;
        var next = last + 1 < part.Count ? part.Onsets[last + 1] - onset : part.Durations[i];
        Velocity(part.Pitches[i], onset, part.Durations[i], next, previous, last - first + 1, i == last, meanPitch, input);
    }

    /// <summary>
    /// The velocity net's inputs for a note at <paramref name="onset"/> beats: <paramref name="next"/> and
    /// <paramref name="previous"/> are the beats to the next and from the previous onset of the part, <paramref name="chord"/>
    /// the notes starting with it, <paramref name="isTop"/> whether it is the highest of them.
    /// </summary>
    public static void Velocity(int pitch, double onset, double length, double next, double previous, int chord, bool isTop, float meanPitch, Span<float> input)
    {
        var beat = 2 * Math.PI * (onset - Math.Floor(onset));
        var bar = 2 * Math.PI * (onset / 4 - Math.Floor(onset / 4));
        input[0] = pitch / 128f;
        input[1] = LogBeats(length);
        input[2] = LogBeats(next);
        input[3] = LogBeats(previous);
        input[4] = (float)Math.Sin(beat);
        input[5] = (float)Math.Cos(beat);
        input[6] = (float)Math.Sin(bar);
        input[7] = (float)Math.Cos(bar);
        input[8] = chord / 8f;
        input[9] = isTop ? 1 : 0; // notes of a chord sort by pitch: the last is the highest
        input[10] = (pitch - meanPitch) / 24f;
    }

    /// <summary>A velocity net's output as a MIDI velocity, 1…127.</summary>
    public static int VelocityOf(float output) => Math.Clamp((int)Math.Round(output * 127), 1, 127);
}

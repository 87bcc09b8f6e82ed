namespace Euterpe.Core.Encoding;

/// <summary>
/// A block of piano roll: <see cref="Steps"/> × 128 pitches × <see cref="Tracks"/>, row-major with the track
/// fastest, i.e. cell (step, pitch, track) is at <c>(step × 128 + pitch) × Tracks + track</c> — the
/// [time, pitch, track] layout MuseGAN feeds its networks. <see cref="Onsets"/>, when present, has the same layout
/// and holds 1 at the first step of each note.
/// </summary>
public sealed class PianoRoll
{
    public const int PitchCount = 128;

    public PianoRoll(int steps, int tracks, int stepsPerBeat, long startStep = 0, bool withOnsets = false)
    {
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), "steps must not be negative");
        if (tracks < 1) throw new ArgumentOutOfRangeException(nameof(tracks), "at least one track is needed");
        if (stepsPerBeat < 1) throw new ArgumentOutOfRangeException(nameof(stepsPerBeat), "steps per beat must be positive");
        Steps = steps;
        Tracks = tracks;
        StepsPerBeat = stepsPerBeat;
        StartStep = startStep;
        Values = new float[checked(steps * PitchCount * tracks)];
        Onsets = withOnsets ? new float[Values.Length] : null;
    }

    public int Steps { get; }

    public int Tracks { get; }

    public int StepsPerBeat { get; }

    /// <summary>Where this block starts in the whole piece, in steps (a window's offset).</summary>
    public long StartStep { get; }

    public float[] Values { get; }

    public float[]? Onsets { get; }

    public int Index(int step, int pitch, int track = 0) => (step * PitchCount + pitch) * Tracks + track;

    public float this[int step, int pitch, int track = 0]
    {
        get => Values[Index(step, pitch, track)];
        set => Values[Index(step, pitch, track)] = value;
    }

    /// <summary>Number of pitches above <paramref name="threshold"/> at a step, over all tracks (a pitch on two tracks counts once).</summary>
    public int SoundingPitchCount(int step, float threshold = 0)
    {
        var count = 0;
        for (var pitch = 0; pitch < PitchCount; pitch++)
        {
            var row = Values.AsSpan(Index(step, pitch), Tracks);
            foreach (var v in row)
            {
                if (v <= threshold) continue;
                count++;
                break;
            }
        }
        return count;
    }
}

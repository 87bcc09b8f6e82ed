namespace Euterpe.Core.Encoding;

/// <summary>
/// How a sequence becomes a piano roll. Defaults follow MuseGAN: 24 steps per beat, 16-beat windows
/// (384 steps × 128 pitches), one merged track, velocity values.
/// </summary>
public sealed record PianoRollOptions
{
    public int StepsPerBeat { get; init; } = 24;

    public int WindowBeats { get; init; } = 16;

    /// <summary>
    /// 1 merges every note into one track; more keeps <see cref="Music.Note.Track"/> as the track index and
    /// drops notes whose track is not below this count.
    /// </summary>
    public int TrackCount { get; init; } = 1;

    /// <summary>Cells hold 1 instead of velocity/127.</summary>
    public bool Binary { get; init; }

    /// <summary>Also fill an onset roll (1 where a note starts) so repeated notes survive the inverse.</summary>
    public bool WithOnsets { get; init; } = true;

    public bool IncludeDrums { get; init; }

    /// <summary>A cell is sounding when its value is above this (use 0.5 for sigmoid model outputs).</summary>
    public float Threshold { get; init; }

    /// <summary>Velocity of notes decoded from a binary roll.</summary>
    public int BinaryVelocity { get; init; } = 100;

    public int WindowSteps => StepsPerBeat * WindowBeats;

    internal void Validate()
    {
        if (StepsPerBeat < 1) throw new ArgumentOutOfRangeException(nameof(StepsPerBeat), "steps per beat must be positive");
        if (WindowBeats < 1) throw new ArgumentOutOfRangeException(nameof(WindowBeats), "window must be at least one beat");
        if (TrackCount < 1) throw new ArgumentOutOfRangeException(nameof(TrackCount), "at least one track is needed");
        if (BinaryVelocity is < 1 or > 127) throw new ArgumentOutOfRangeException(nameof(BinaryVelocity), "velocity must be 1..127");
    }
}

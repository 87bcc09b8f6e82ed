namespace Euterpe.Training.Data;

/// <summary>
/// <c>pianoroll.json</c> of a piano-roll cache: the grid (<see cref="Core.Encoding.PianoRollEncoding"/>), where the
/// music came from and how it was split, every file with its clips, the skipped files and each split's shards.
/// </summary>
public sealed record PianoRollCacheManifest
{
    public string Encoding { get; init; } = PianoRollCache.EncodingName;
    public int StepsPerBeat { get; init; }
    public int BeatsPerClip { get; init; }
    public int Pitches { get; init; }
    /// <summary>What a stored cell means: velocity 0–127, the models' value being velocity / 127.</summary>
    public string Values { get; init; } = "velocity";
    public string Data { get; init; } = "";
    public ulong Seed { get; init; }
    public double ValidationFraction { get; init; }
    public List<PianoRollFileEntry> Files { get; init; } = [];
    public List<SkippedFile> Skipped { get; init; } = [];
    public List<PianoRollShard> Train { get; init; } = [];
    public List<PianoRollShard> Validation { get; init; } = [];
}

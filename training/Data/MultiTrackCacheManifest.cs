namespace Euterpe.Training.Data;

/// <summary>
/// <c>multitrack.json</c> of a multi-track cache: the grid (<see cref="Core.Encoding.MultiTrackEncoding"/>), the notes
/// each of the 17 family tracks received over the files kept, where the music came from and how it was split, every
/// file with its clips, the skipped files and each split's shards.
/// </summary>
public sealed record MultiTrackCacheManifest
{
    public string Encoding { get; init; } = MultiTrackCache.EncodingName;
    public int Tracks { get; init; }
    public int StepsPerBeat { get; init; }
    public int BeatsPerClip { get; init; }
    public int Pitches { get; init; }
    /// <summary>What a stored cell means: 1 bit, sounding or not, packed eight pitches to a byte.</summary>
    public string Values { get; init; } = "packed bits";
    /// <summary>Notes per track (drums, piano, … sound effects) in the files kept.</summary>
    public List<long> TrackNotes { get; init; } = [];
    public string Data { get; init; } = "";
    public ulong Seed { get; init; }
    public double ValidationFraction { get; init; }
    public List<PianoRollFileEntry> Files { get; init; } = [];
    public List<SkippedFile> Skipped { get; init; } = [];
    public List<PianoRollShard> Train { get; init; } = [];
    public List<PianoRollShard> Validation { get; init; } = [];
}

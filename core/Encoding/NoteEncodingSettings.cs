namespace Euterpe.Core.Encoding;

/// <summary>The parameters of a <see cref="MonophonicNoteEncoding"/>, as stored in cache.json and in n-gram models.</summary>
public sealed record NoteEncodingSettings
{
    public int MinPitch { get; set; } = 36;

    public int MaxPitch { get; set; } = 96;

    public int StepsPerBeat { get; set; } = 4;

    public int[] DurationSteps { get; set; } = [.. MonophonicNoteEncoding.DefaultDurations];

    public MonophonicNoteEncoding Create() => new(MinPitch, MaxPitch, StepsPerBeat, DurationSteps);
}

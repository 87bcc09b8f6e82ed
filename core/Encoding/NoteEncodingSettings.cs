namespace Euterpe.Core.Encoding;

/// <summary>The parameters of a <see cref="MonophonicNoteEncoding"/>, as stored in cache.json and in n-gram models.</summary>
public sealed record NoteEncodingSettings
{
    public int MinPitch { get; init; } = 36;

    public int MaxPitch { get; init; } = 96;

    public int StepsPerBeat { get; init; } = 4;

    public int[] DurationSteps { get; init; } = [.. MonophonicNoteEncoding.DefaultDurations];

    public MonophonicNoteEncoding Create() => new(MinPitch, MaxPitch, StepsPerBeat, DurationSteps);
}

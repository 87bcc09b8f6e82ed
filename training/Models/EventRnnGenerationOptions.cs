namespace Euterpe.Training.Models;

/// <summary>What <see cref="EventRnnGenerator"/> makes: length, sampling, seed, an optional primer and conditioning controls.</summary>
public sealed record EventRnnGenerationOptions
{
    public double Seconds { get; init; } = 30;
    public float Temperature { get; init; } = 1f;
    public ulong Seed { get; init; }
    public Core.Music.NoteSequence? Primer { get; init; }
    /// <summary>Notes per second (conditional models); null keeps the corpus mean.</summary>
    public double? Density { get; init; }
    /// <summary>A key such as "C:major" or "F#:minor" (conditional models); null keeps the corpus-mean pitch-class histogram.</summary>
    public string? Key { get; init; }
}

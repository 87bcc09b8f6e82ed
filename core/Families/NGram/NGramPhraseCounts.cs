using System.Text.Json.Serialization;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// How often the training melodies repeat themselves: of their <see cref="Phrases"/> phrases of <see cref="Beats"/>
/// beats (counted from each song's start), <see cref="Repeats"/> equal an earlier phrase of the same song note for note.
/// The generator replays an earlier phrase at that rate.
/// </summary>
public sealed record NGramPhraseCounts(
    [property: JsonPropertyName("beats")] int Beats,
    [property: JsonPropertyName("phrases")] int Phrases,
    [property: JsonPropertyName("repeats")] int Repeats)
{
    /// <summary>Four bars of 4/4.</summary>
    public const int DefaultBeats = 16;

    [JsonIgnore]
    public double RepeatProbability => Phrases > 0 ? (double)Repeats / Phrases : 0;

    /// <summary>Why the counts are unusable, or null.</summary>
    internal string? Problem() =>
        Beats is < 1 or > 1024 ? $"phrases beats {Beats} is outside 1…1024"
        : Phrases < 0 || Repeats < 0 || Repeats > Phrases ? $"phrases has {Repeats} repeats of {Phrases} phrases"
        : null;
}

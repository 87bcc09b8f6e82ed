using System.Text.Json.Serialization;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// How often the training melodies repeat themselves: of their <see cref="Phrases"/> phrases of <see cref="Beats"/>
/// beats (counted from each song's start), <see cref="Repeats"/> equal an earlier phrase of the same song note for note.
/// Of the repeats followed by another phrase (<see cref="Followed"/>), <see cref="Continued"/> go on repeating what came
/// after their model (a section repeated, not one phrase). The generator starts and continues replays at these rates.
/// </summary>
public sealed record NGramPhraseCounts(
    [property: JsonPropertyName("beats")] int Beats,
    [property: JsonPropertyName("phrases")] int Phrases,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("followed")] int Followed = 0,
    [property: JsonPropertyName("continued")] int Continued = 0)
{
    /// <summary>Four bars of 4/4.</summary>
    public const int DefaultBeats = 16;

    /// <summary>The chance that a phrase not continuing a replay starts one.</summary>
    [JsonIgnore]
    public double StartProbability => Phrases - Continued > 0 ? (double)(Repeats - Continued) / (Phrases - Continued) : 0;

    /// <summary>The chance that a replay goes on with the phrase that followed its model.</summary>
    [JsonIgnore]
    public double ContinueProbability => Followed > 0 ? (double)Continued / Followed : 0;

    /// <summary>Why the counts are unusable, or null.</summary>
    internal string? Problem() =>
        Beats is < 1 or > 1024 ? $"phrases beats {Beats} is outside 1…1024"
        : Phrases < 0 || Repeats < 0 || Repeats > Phrases ? $"phrases has {Repeats} repeats of {Phrases} phrases"
        : Followed < 0 || Followed > Repeats || Continued < 0 || Continued > Followed ? $"phrases has {Continued} continued of {Followed} followed repeats of {Repeats}"
        : null;
}

using Euterpe.Core.Encoding;

namespace Euterpe.Core.Families.SeqGan;

/// <summary>
/// What the SeqGAN's generator writes under each duration scheme, over the default notes encoding: "vocabulary", the
/// joint (pitch, duration) tokens; "ngram", pitch tokens alone (the rest is one of them), their durations drawn at play
/// time from the n-gram model in the preset. Both vocabularies end with one more token, the start symbol the generator
/// reads first: it is never written.
/// </summary>
public static class SeqGanTokens
{
    public const string Vocabulary = "vocabulary";
    public const string NGram = "ngram";
    public const string StartName = "START";

    public static IReadOnlyList<string> Schemes { get; } = [Vocabulary, NGram];

    /// <summary>The encoding the tokens mean: the default notes encoding.</summary>
    public static MonophonicNoteEncoding Encoding { get; } = new NoteEncodingSettings().Create();

    /// <summary>Tokens the generator writes under a scheme (the start symbol not counted).</summary>
    public static int Count(string scheme) => scheme switch
    {
        Vocabulary => Encoding.JointVocabularySize,
        NGram => Encoding.PitchVocabularySize,
        _ => throw new EuterpeException($"--durations {scheme}: must be {Vocabulary} or {NGram}"),
    };

    /// <summary>The token's names as a manifest lists them: the written tokens, then <see cref="StartName"/>.</summary>
    public static List<string> Names(string scheme) =>
        [.. Enumerable.Range(0, Count(scheme)).Select(t => scheme == Vocabulary ? Encoding.TokenName(t) : PitchName(t)), StartName];

    /// <summary>The scheme whose names a manifest lists, or null.</summary>
    public static string? SchemeOf(IReadOnlyList<string>? names) =>
        names is null ? null : Schemes.FirstOrDefault(s => names.SequenceEqual(Names(s)));

    /// <summary>A joint token's pitch token (the pitch-only scheme's token).</summary>
    public static int Pitch(int jointToken) => Encoding.FromJoint(jointToken).PitchToken;

    private static string PitchName(int pitchToken) => pitchToken == Encoding.RestPitchToken
        ? "REST"
        : (Encoding.MinPitch + pitchToken).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

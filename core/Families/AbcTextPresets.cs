using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families;

/// <summary>
/// What the families over <see cref="AbcCharacterEncoding"/>'s dialect share (the Char-RNN, the ABC WGAN): the
/// manifest's vocabulary check, the checks of a request's temperature and tempo, playing a generator's beats into
/// notes at --tempo, and the generated text as a whole tune for `generate --out X.abc`.
/// </summary>
public static class AbcTextPresets
{
    /// <summary>The representation and the characters must be the dialect's, in its order: the tokens mean nothing otherwise.</summary>
    public static void CheckVocabulary(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.AbcCharacters)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.AbcCharacters}");
        var tokens = manifest.Vocabulary?.Tokens;
        if (tokens is null || !tokens.SequenceEqual(AbcCharacterEncoding.TokenNames()))
            throw new EuterpeException($"{preset.ManifestPath}: vocabulary.tokens must list the ABC character dialect's {AbcCharacterEncoding.VocabularySize} tokens in order (\"{AbcCharacterEncoding.TuneEdgeName}\", then the characters)");
    }

    /// <summary>Refuses a request's length, temperature or tempo outside what the families play.</summary>
    public static void CheckRequest(GenerationRequest request)
    {
        request.CheckSeconds();
        request.CheckTemperature();
        if (!(request.Tempo >= 10 && request.Tempo <= 400)) throw new EuterpeException($"--tempo: {request.Tempo} bpm is not in 10..400");
    }

    /// <summary>
    /// Steps a generator (reset, with its text recorded if wanted) for the request's length, counted in sixteenths at
    /// --tempo from where it stands, and returns its notes at --tempo, cut at the end.
    /// </summary>
    public static NoteSequence Play(INoteGenerator generator, GenerationRequest request, NotePairing pairing)
    {
        var steps = (long)Math.Ceiling(request.Seconds * request.Tempo / 60 * AbcCharacterEncoding.StepsPerBeat);
        var endBeat = generator.Time + steps / (double)AbcCharacterEncoding.StepsPerBeat;
        Span<ModelNoteEvent> events = new ModelNoteEvent[generator.MaxEventsPerStep];
        while (generator.Time < endBeat - 1e-9)
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) pairing.Add(events[k]);
        }
        pairing.Close(generator.Time);
        return pairing.InBeats(request.Tempo, endBeat);
    }

    /// <summary>The generated body as a whole tune (<see cref="Closed"/>), titled with the preset and seed, at --tempo.</summary>
    public static string Tune(string body, Preset preset, GenerationRequest request) =>
        AbcCharacterEncoding.Tune(Closed(body), title: FormattableString.Invariant($"{preset.Id}, seed {request.Seed}"), bpm: request.Tempo);

    /// <summary>
    /// A generated body closed by a final bar line. Generation stops when the clock passes the end, which may be just
    /// after an accidental (it completed the note before it): a trailing accidental, which has no note and plays
    /// nothing, is left out ("^|]" is not ABC); a body that ends on a bar line gets its thick half ("||]" is an error
    /// to abc2midi).
    /// </summary>
    public static string Closed(string body)
    {
        body = body.TrimEnd().TrimEnd('^', '_', '=').TrimEnd();
        var end = body.EndsWith("|]", StringComparison.Ordinal) ? "" : body.EndsWith('|') ? "]" : "|]";
        return body + end + "\n";
    }
}

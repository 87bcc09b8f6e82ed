using System.Text;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.CharRnn;

/// <summary>
/// The Char-RNN over ABC text (conditional or not) as players see it: a preset is model.onnx (one character step with
/// its LSTM state carried by the caller, as the event RNN's) and a manifest over <see cref="AbcCharacterEncoding"/>'s
/// characters; its generator is <see cref="CharRnnGenerator"/>. Time is in beats (a length unit is a sixteenth), so
/// `generate` places them at --tempo; it writes the notes as MIDI, or the text itself as an ABC tune
/// (<see cref="GenerateAbc"/>). A conditional model starts from the corpus-mean controls in its metadata, with --key
/// and --density applied.
/// </summary>
public sealed class CharRnnFamily : ModelFamily
{
    public const string Unconditional = "char-rnn";
    public const string Conditional = "conditional-char-rnn";

    public static CharRnnFamily Instance { get; } = new();

    private CharRnnFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Unconditional, Conditional];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override bool WritesAbc => true;

    public override void CheckManifest(Preset preset) => CheckVocabulary(preset);

    public override IReadOnlyList<ConditioningInput> Conditioning(Preset preset) => preset.OnnxManifest.Conditioning;

    public override GenerationControl Honours(Preset preset) => GenerationControl.Temperature | GenerationControl.Primer | GenerationControl.Tempo
        | (preset.OnnxManifest.Conditioning.Count > 0 ? GenerationControl.Density | GenerationControl.Key : GenerationControl.None);

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request) => Generate(preset, request, null);

    public override (NoteSequence Notes, string Abc) GenerateAbc(Preset preset, GenerationRequest request)
    {
        var text = new StringBuilder();
        var notes = Generate(preset, request, text);
        var title = FormattableString.Invariant($"{preset.Id}, seed {request.Seed}");
        return (notes, AbcCharacterEncoding.Tune(text.ToString().TrimEnd() + "|]\n", title: title, bpm: request.Tempo));
    }

    private static NoteSequence Generate(Preset preset, GenerationRequest request, StringBuilder? text)
    {
        request.CheckSeconds();
        if (!(request.Temperature >= 0 && request.Temperature <= 100)) throw new EuterpeException($"--temperature: {request.Temperature} is not in 0..100");
        if (!(request.Tempo >= 10 && request.Tempo <= 400)) throw new EuterpeException($"--tempo: {request.Tempo} bpm is not in 10..400");
        if (preset.OnnxManifest.Conditioning.Count == 0 && (request.Density is not null || request.Key is not null))
            throw new EuterpeException($"{preset.Folder}: --density and --key need a conditional model (this preset is {preset.Family})");
        using var generator = Open(preset);
        generator.SetSampling(new SamplingOptions(request.Temperature));
        generator.Reset(request.Seed);
        Controls(generator, request);
        generator.RecordText(text);
        var pairing = NotePairing.AfterPrimer(generator, request.Primer);
        var steps = (long)Math.Ceiling(request.Seconds * request.Tempo / 60 * AbcCharacterEncoding.StepsPerBeat);
        var endBeat = generator.Time + steps / (double)AbcCharacterEncoding.StepsPerBeat;
        Span<ModelNoteEvent> events = new ModelNoteEvent[generator.MaxEventsPerStep];
        while (generator.Time < endBeat - 1e-9)
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) pairing.Add(events[k]);
        }
        pairing.Close(generator.Time);
        var ticksPerQuarter = NoteSequence.DefaultTicksPerQuarter;
        var result = new NoteSequence(ticksPerQuarter, new TempoMap(ticksPerQuarter, [TempoChange.FromBpm(0, request.Tempo)]));
        var endTick = (long)Math.Round(endBeat * ticksPerQuarter);
        foreach (var note in pairing.Notes)
        {
            var start = (long)Math.Round(note.Start * ticksPerQuarter);
            if (start < endTick) result.AddNote(note.Pitch, note.Velocity, start, Math.Min((long)Math.Round(note.End * ticksPerQuarter), endTick));
        }
        return result;
    }

    // --key as its scale's pitch classes; --density (notes per second at --tempo) as the model counts it, at 120 bpm.
    private static void Controls(CharRnnGenerator generator, GenerationRequest request)
    {
        var values = generator.Conditioning;
        if (values.Length != ConditioningFeatures.Length) return;
        if (request.Key is { } key)
        {
            var weights = EventRnnFamily.KeyHistogram(key);
            var sum = weights.Sum();
            for (var i = 0; i < 12; i++) values[i] = weights[i] / sum;
        }
        if (request.Density is { } density)
        {
            if (!(density > 0) || double.IsInfinity(density)) throw new EuterpeException($"--density: must be a number of notes per second above 0 (got {density})");
            values[12] = (float)Math.Min(1.0, density * AbcCharacterEncoding.Bpm / request.Tempo / ConditioningFeatures.MaxNotesPerSecond);
        }
    }

    /// <summary>The model, its signature and vocabulary checked against the manifest, with the corpus mean from its metadata.</summary>
    public static CharRnnGenerator Open(Preset preset)
    {
        CheckVocabulary(preset);
        var (model, metadata) = TokenModelManifests.OpenStepModel(preset);
        try
        {
            if (model.VocabularySize != AbcCharacterEncoding.VocabularySize)
                throw new EuterpeException($"{preset.ModelPath}: the model has {model.VocabularySize} logits, the ABC character dialect {AbcCharacterEncoding.VocabularySize} tokens");
            return new CharRnnGenerator(model, preset.OnnxManifest.Conditioning.Count, EventRnnFamily.CorpusMean(metadata, model.ConditioningSize));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    // The representation and the characters must be the dialect's, in its order: the tokens mean nothing otherwise.
    private static void CheckVocabulary(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.AbcCharacters)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.AbcCharacters}");
        var tokens = manifest.Vocabulary?.Tokens;
        if (tokens is null || !tokens.SequenceEqual(AbcCharacterEncoding.TokenNames()))
            throw new EuterpeException($"{preset.ManifestPath}: vocabulary.tokens must list the ABC character dialect's {AbcCharacterEncoding.VocabularySize} tokens in order (\"{AbcCharacterEncoding.TuneEdgeName}\", then the characters)");
    }
}

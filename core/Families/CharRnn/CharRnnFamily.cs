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

    public override void CheckManifest(Preset preset) => AbcTextPresets.CheckVocabulary(preset);

    public override IReadOnlyList<ConditioningInput> Conditioning(Preset preset) => preset.OnnxManifest.Conditioning;

    public override GenerationControl Honours(Preset preset) => GenerationControl.Temperature | GenerationControl.Primer | GenerationControl.Tempo
        | (preset.OnnxManifest.Conditioning.Count > 0 ? GenerationControl.Density | GenerationControl.Key : GenerationControl.None);

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request) => Generate(preset, request, null);

    public override (NoteSequence Notes, string Abc) GenerateAbc(Preset preset, GenerationRequest request)
    {
        var text = new StringBuilder();
        var notes = Generate(preset, request, text);
        return (notes, AbcTextPresets.Tune(text.ToString(), preset, request));
    }

    private static NoteSequence Generate(Preset preset, GenerationRequest request, StringBuilder? text)
    {
        AbcTextPresets.CheckRequest(request);
        if (preset.OnnxManifest.Conditioning.Count == 0 && (request.Density is not null || request.Key is not null))
            throw new EuterpeException($"{preset.Folder}: --density and --key need a conditional model (this preset is {preset.Family})");
        using var generator = Open(preset);
        generator.SetSampling(new SamplingOptions(request.Temperature));
        generator.Reset(request.Seed);
        Controls(generator, request);
        generator.RecordText(text);
        return AbcTextPresets.Play(generator, request, NotePairing.AfterPrimer(generator, request.Primer));
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
        AbcTextPresets.CheckVocabulary(preset);
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
}

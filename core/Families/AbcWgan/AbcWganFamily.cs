using System.Text;
using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.AbcWgan;

/// <summary>
/// The ABC-text GRU WGAN as players see it: a preset is model.onnx (the generator's one step: the previous character
/// distribution and the GRU state in, the next distribution and state out: io frameInput/frameOutput and one state
/// pair) and a manifest over <see cref="AbcCharacterEncoding"/>'s characters; its generator is
/// <see cref="AbcWganNoteGenerator"/>. Time is in beats (a length unit is a sixteenth), so `generate` places them at
/// --tempo; it writes the notes as MIDI, or the text itself as an ABC tune (<see cref="GenerateAbc"/>).
/// </summary>
public sealed class AbcWganFamily : ModelFamily
{
    public const string Name = "abc-wgan";

    public static AbcWganFamily Instance { get; } = new();

    private AbcWganFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override bool WritesAbc => true;

    public override void CheckManifest(Preset preset)
    {
        AbcTextPresets.CheckVocabulary(preset);
        _ = Signature(preset);
    }

    // Every segment starts from noise: no primer, and nothing to condition on.
    public override GenerationControl Honours(Preset preset) => GenerationControl.Temperature | GenerationControl.Tempo;

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
        using var generator = Open(preset);
        generator.SetSampling(new SamplingOptions(request.Temperature));
        generator.Reset(request.Seed);
        generator.RecordText(text);
        return AbcTextPresets.Play(generator, request, new NotePairing());
    }

    /// <summary>The model, checked against the manifest and the dialect.</summary>
    public static AbcWganNoteGenerator Open(Preset preset)
    {
        AbcTextPresets.CheckVocabulary(preset);
        var signature = Signature(preset);
        var session = preset.OpenSession();
        OnnxFrameStepModel? model = null;
        try
        {
            model = new OnnxFrameStepModel(session, signature, ownsSession: true);
            return new AbcWganNoteGenerator(model);
        }
        catch (EuterpeException e) when (model is not null)
        {
            model.Dispose();
            throw new EuterpeException($"{preset.ModelPath}: {e.Message}", inner: e);
        }
        catch
        {
            if (model is null) session.Dispose();
            throw;
        }
    }

    private static FrameModelSignature Signature(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        var io = manifest.Io!;
        if (io.FrameInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (the previous distribution) and frameOutput (the next)");
        if (manifest.State.Count != 1) throw new EuterpeException($"{preset.ManifestPath}: state must list one pair (the generator's GRU), not {manifest.State.Count}");
        return new FrameModelSignature(io.FrameInput.Name, io.FrameOutput.Name, [(manifest.State[0].Input, manifest.State[0].Output)], 1);
    }
}

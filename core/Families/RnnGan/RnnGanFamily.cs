using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.RnnGan;

/// <summary>
/// The RNN-GAN as players see it: a preset is model.onnx (the generator's one step: a frame of the previous token
/// distribution and the step's noise in, the next distribution out, the LSTM's h and c as two state pairs) and a
/// manifest over the default notes encoding's joint (pitch, duration) tokens; its generator is
/// <see cref="RnnGanNoteGenerator"/>. Time is in beats (a duration step is a sixteenth), so `generate` places them at --tempo.
/// </summary>
public sealed class RnnGanFamily : ModelFamily
{
    public const string Name = "rnn-gan";

    public static RnnGanFamily Instance { get; } = new();

    /// <summary>The encoding the family's tokens mean: the default notes encoding.</summary>
    public static MonophonicNoteEncoding Encoding { get; } = new NoteEncodingSettings().Create();

    private RnnGanFamily()
    {
    }

    /// <summary>The joint tokens' names, in order, as a manifest lists them.</summary>
    public static List<string> TokenNames() => [.. Enumerable.Range(0, Encoding.JointVocabularySize).Select(Encoding.TokenName)];

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset)
    {
        CheckVocabulary(preset);
        _ = Signature(preset);
    }

    // Every segment starts from noise: no primer, and nothing to condition on.
    public override GenerationControl Honours(Preset preset) => GenerationControl.Temperature | GenerationControl.Tempo;

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request)
    {
        AbcTextPresets.CheckRequest(request);
        using var generator = Open(preset);
        generator.SetSampling(new SamplingOptions(request.Temperature));
        generator.Reset(request.Seed);
        // The same sixteenth grid and beat clock as the ABC families: their player serves.
        return AbcTextPresets.Play(generator, request, new NotePairing());
    }

    /// <summary>The model, checked against the manifest and the encoding.</summary>
    public static RnnGanNoteGenerator Open(Preset preset)
    {
        CheckVocabulary(preset);
        var signature = Signature(preset);
        var session = preset.OpenSession();
        OnnxFrameStepModel? model = null;
        try
        {
            model = new OnnxFrameStepModel(session, signature, ownsSession: true);
            return new RnnGanNoteGenerator(model, Encoding);
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

    private static void CheckVocabulary(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.NoteTokens)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.NoteTokens}");
        var tokens = manifest.Vocabulary?.Tokens;
        if (tokens is null || !tokens.SequenceEqual(TokenNames()))
            throw new EuterpeException($"{preset.ManifestPath}: vocabulary.tokens must list the notes encoding's {Encoding.JointVocabularySize} joint (pitch, duration) tokens in order");
    }

    private static FrameModelSignature Signature(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        var io = manifest.Io!;
        if (io.FrameInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (the previous distribution and the noise) and frameOutput (the next distribution)");
        if (manifest.State.Count != 2) throw new EuterpeException($"{preset.ManifestPath}: state must list two pairs (the generator's LSTM h and c), not {manifest.State.Count}");
        return new FrameModelSignature(io.FrameInput.Name, io.FrameOutput.Name, [.. manifest.State.Select(s => (s.Input, s.Output))], 1);
    }
}

using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.SeqGan;

/// <summary>
/// The SeqGAN as players see it: a preset is model.onnx (the generator's one step: a token in, logits out, the LSTM's h
/// and c as two state pairs, as the event RNN's) and a manifest whose vocabulary names the duration scheme
/// (<see cref="SeqGanTokens"/>); an "ngram" preset also holds <see cref="DurationsFileName"/>, the n-gram model its
/// durations are drawn from (the n-gram family's own model.json format). Its generator is <see cref="SeqGanNoteGenerator"/>.
/// Time is in beats (a duration step is a sixteenth), so `generate` places them at --tempo.
/// </summary>
public sealed class SeqGanFamily : ModelFamily
{
    public const string Name = "seqgan";

    /// <summary>The n-gram model of an "ngram" preset, beside model.onnx.</summary>
    public const string DurationsFileName = "durations.json";

    public static SeqGanFamily Instance { get; } = new();

    private SeqGanFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset)
    {
        _ = Scheme(preset);
        _ = TokenModelManifests.Signature(preset.OnnxManifest, preset.ManifestPath);
    }

    // Every segment starts from the start symbol: no primer, and nothing to condition on.
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

    /// <summary>The duration scheme the manifest's vocabulary names.</summary>
    public static string Scheme(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.NoteTokens)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.NoteTokens}");
        return SeqGanTokens.SchemeOf(manifest.Vocabulary?.Tokens)
            ?? throw new EuterpeException($"{preset.ManifestPath}: vocabulary.tokens must list the notes encoding's joint (pitch, duration) tokens or its pitch tokens, in order, then \"{SeqGanTokens.StartName}\"");
    }

    /// <summary>The model (and the n-gram durations of an "ngram" preset), checked against the manifest and the encoding.</summary>
    public static SeqGanNoteGenerator Open(Preset preset)
    {
        var scheme = Scheme(preset);
        NGramNoteModel? durations = null;
        if (scheme == SeqGanTokens.NGram)
        {
            var path = preset.FilePath(DurationsFileName);
            if (!File.Exists(path)) throw new EuterpeException($"{path}: file not found (the n-gram model an \"ngram\" preset draws its durations from)");
            durations = NGramNoteModel.Load(path);
            if (durations.Durations.VocabularySize != SeqGanTokens.Encoding.DurationCount)
                throw new EuterpeException($"{path}: {durations.Durations.VocabularySize} duration tokens, the notes encoding has {SeqGanTokens.Encoding.DurationCount}");
        }
        var (model, _) = TokenModelManifests.OpenStepModel(preset);
        try
        {
            return new SeqGanNoteGenerator(model, durations);
        }
        catch (EuterpeException e)
        {
            model.Dispose();
            throw new EuterpeException($"{preset.ModelPath}: {e.Message}", inner: e);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}

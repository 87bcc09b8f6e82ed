using System.Globalization;
using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.SeqAe;

/// <summary>
/// The continuous sequential autoencoder with binary codes as players see it: a preset is model.onnx (the binary
/// decoder f_dec^bin's one step: a frame of the previous token as one-hot, zeros at a subsequence's start, then the
/// m-bit code as ±1, in at every step; the next token's distribution out; the LSTM's h and c as two state pairs) and
/// a manifest over the default notes encoding's joint (pitch, duration) tokens, whose provenance gives the code's bits
/// (<see cref="CodeBitsMetric"/>), the tokens per subsequence (<see cref="SubsequenceMetric"/>) and the mean number
/// of bits consecutive held-out subsequences' codes differ by (<see cref="MeanFlipsMetric"/>), the default walk rate.
/// Its generator is <see cref="SeqAeNoteGenerator"/>; time is in beats, placed at --tempo.
/// </summary>
public sealed class SeqAeFamily : ModelFamily
{
    public const string Name = "seq-ae";
    public const string CodeBitsMetric = "codeBits";
    public const string SubsequenceMetric = "subsequenceTokens";
    public const string MeanFlipsMetric = "meanFlips";

    public static SeqAeFamily Instance { get; } = new();

    /// <summary>The encoding the family's tokens mean: the default notes encoding.</summary>
    public static MonophonicNoteEncoding Encoding { get; } = new NoteEncodingSettings().Create();

    private SeqAeFamily()
    {
    }

    /// <summary>The joint tokens' names, in order, as a manifest lists them.</summary>
    public static List<string> TokenNames() => [.. Enumerable.Range(0, Encoding.JointVocabularySize).Select(Encoding.TokenName)];

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset) => _ = Read(preset);

    // Codes start from the seed: no primer, nothing to condition on.
    public override GenerationControl Honours(Preset preset) =>
        GenerationControl.Temperature | GenerationControl.Tempo | GenerationControl.WalkRate | GenerationControl.ThemeReturn;

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request)
    {
        AbcTextPresets.CheckRequest(request);
        var bits = Read(preset).CodeBits;
        if (request.WalkRate is { } rate && !(rate >= 0 && rate <= bits))
            throw new EuterpeException(string.Create(CultureInfo.InvariantCulture, $"--walk-rate: {rate} bits per step is not in 0..{bits} (the code's bits)"));
        if (request.ThemeReturn is { } p && !(p >= 0 && p <= 1))
            throw new EuterpeException(string.Create(CultureInfo.InvariantCulture, $"--theme-return: {p} is not a probability in 0..1"));
        using var generator = Open(preset);
        generator.SetSampling(new SamplingOptions(request.Temperature));
        if (request.WalkRate is { } r) generator.WalkRate = r;
        if (request.ThemeReturn is { } q) generator.ThemeReturn = q;
        generator.Reset(request.Seed);
        // The same sixteenth grid and beat clock as the ABC families: their player serves.
        return AbcTextPresets.Play(generator, request, new NotePairing());
    }

    /// <summary>The model, checked against the manifest and the encoding, with the preset's walk rate.</summary>
    public static SeqAeNoteGenerator Open(Preset preset)
    {
        var (signature, bits, length, flips) = Read(preset);
        var session = preset.OpenSession();
        OnnxFrameStepModel? model = null;
        try
        {
            model = new OnnxFrameStepModel(session, signature, ownsSession: true);
            if (model.FrameSize != Encoding.JointVocabularySize + bits)
                throw new EuterpeException($"frames of {model.FrameSize} values are not the {Encoding.JointVocabularySize} tokens and the {bits}-bit code");
            return new SeqAeNoteGenerator(model, Encoding, length) { MeasuredWalkRate = flips, WalkRate = flips };
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

    private static (FrameModelSignature Signature, int CodeBits, int Length, double MeanFlips) Read(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.NoteTokens)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.NoteTokens}");
        var tokens = manifest.Vocabulary?.Tokens;
        if (tokens is null || !tokens.SequenceEqual(TokenNames()))
            throw new EuterpeException($"{preset.ManifestPath}: vocabulary.tokens must list the notes encoding's {Encoding.JointVocabularySize} joint (pitch, duration) tokens in order");
        var figures = manifest.Provenance?.ValidationMetrics ?? [];
        int Whole(string name, int max)
        {
            if (!figures.TryGetValue(name, out var value) || value != Math.Floor(value) || value < 1 || value > max)
                throw new EuterpeException($"{preset.ManifestPath}: provenance.validationMetrics.{name} must be a whole number 1…{max}");
            return (int)value;
        }
        var bits = Whole(CodeBitsMetric, 256);
        var length = Whole(SubsequenceMetric, 256);
        var flips = figures.TryGetValue(MeanFlipsMetric, out var f) ? f : 1;
        if (!(flips >= 0 && flips <= bits))
            throw new EuterpeException($"{preset.ManifestPath}: provenance.validationMetrics.{MeanFlipsMetric} must be 0…{bits}");
        var io = manifest.Io;
        if (io?.FrameInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (the previous token and the code) and frameOutput (the next distribution)");
        if (manifest.State.Count != 2) throw new EuterpeException($"{preset.ManifestPath}: state must list two pairs (the decoder's LSTM h and c), not {manifest.State.Count}");
        var signature = new FrameModelSignature(io.FrameInput.Name, io.FrameOutput.Name, [.. manifest.State.Select(s => (s.Input, s.Output))], 1,
            Encoding.JointVocabularySize);
        return (signature, bits, length, flips);
    }
}

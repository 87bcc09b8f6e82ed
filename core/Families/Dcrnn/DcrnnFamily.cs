using Euterpe.Core.Encoding;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Families.PianoRollGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.Dcrnn;

/// <summary>
/// The DCRNN (deconvolutional RNN) as players see it: a preset is model.onnx (z [1, latent] and the pitch-class
/// histogram [1, 12] in, one clip [1, 384, 128] out) and a manifest with family dcrnn, representation "piano-roll" and
/// the piano-roll GANs' grid (<see cref="PianoRollGanFamily.Grid"/>); its generator is <see cref="DcrnnNoteGenerator"/>.
/// Time is in beats, so `generate` places clips at --tempo; --threshold overrides the manifest's, --key sets the
/// histogram (without it, the seed picks one of the manifest's training clips'), --form plays one z per distinct
/// letter in the form's order and --morph moves each clip's z toward the next one's.
/// </summary>
public sealed class DcrnnFamily : ModelFamily
{
    public const string Name = "dcrnn";

    public static DcrnnFamily Instance { get; } = new();

    private DcrnnFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset) => _ = PianoRollGanFamily.Grid(preset);

    public override GenerationControl Honours(Preset preset) =>
        GenerationControl.Tempo | GenerationControl.Threshold | GenerationControl.Key | GenerationControl.Form | GenerationControl.Morph;

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request)
    {
        AbcTextPresets.CheckRequest(request);
        if (request.Morph is { } morph && !(morph >= 0 && morph <= 1))
            throw new EuterpeException(FormattableString.Invariant($"--morph: {morph} is not in 0..1"));
        var form = request.Form is { } text ? DcrnnForm.Parse(text) : [];
        var histogram = request.Key is { } key ? EventRnnFamily.KeyHistogram(key) : null;
        using var generator = Open(preset);
        if (request.Threshold is { } threshold) generator.Threshold = ClipNotes.Threshold(threshold, PianoRollGanFamily.Grid(preset).MaxValue);
        if (histogram is not null) generator.SetKeyHistogram(histogram);
        generator.Form = form;
        generator.Morph = request.Morph ?? 0;
        generator.Reset(request.Seed);
        return ClipNotes.UntilSeconds(generator, request);
    }

    /// <summary>The model, checked against the manifest's grid.</summary>
    public static DcrnnNoteGenerator Open(Preset preset)
    {
        var grid = PianoRollGanFamily.Grid(preset);
        var io = preset.OnnxManifest.Io!;
        if (io.FrameInput is null || io.HistogramInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (z), histogramInput (the pitch-class histogram) and frameOutput (the clip)");
        var session = preset.OpenSession();
        DcrnnClipModel model;
        try
        {
            model = new DcrnnClipModel(session, io.FrameInput.Name, io.HistogramInput.Name, io.FrameOutput.Name);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        if (model.Latent != grid.Latent)
        {
            model.Dispose();
            throw new EuterpeException($"{preset.ModelPath}: z has {model.Latent} values, the manifest's pianoRoll latent {grid.Latent}");
        }
        var keys = grid.Histograms is { Count: > 0 } histograms ? CorpusKeys.OfPieces(histograms) : null;
        return new DcrnnNoteGenerator(model, (float)grid.MaxValue, (float)grid.Threshold, keys);
    }
}

using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.PianoRollGan;

/// <summary>
/// The piano-roll GANs (the DCGAN, the improved-Wasserstein GAN) as players see them: a preset is model.onnx (the generator: z [1, latent] in, one clip
/// [1, 384, 128] out) and a manifest with representation "piano-roll" whose "pianoRoll" gives the grid (24 steps a
/// beat, 16 beats, 128 pitches from 0), the value range and the default threshold; its generator is
/// <see cref="PianoRollNoteGenerator"/>. Time is in beats, so `generate` places clips at --tempo; --threshold
/// overrides the manifest's. The instrument's Roll Threshold scales the manifest's (100 % plays it as `generate` does).
/// </summary>
public sealed class PianoRollGanFamily : ModelFamily
{
    public const string DcganName = "dcgan";
    public const string IwganName = "iwgan";

    public static PianoRollGanFamily Instance { get; } = new();

    private PianoRollGanFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [DcganName, IwganName];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset) => _ = Grid(preset);

    public override GenerationControl Honours(Preset preset) => GenerationControl.Tempo | GenerationControl.Threshold;

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request)
    {
        AbcTextPresets.CheckRequest(request);
        using var generator = Open(preset);
        if (request.Threshold is { } threshold) generator.Threshold = ClipNotes.Threshold(threshold, Grid(preset).MaxValue);
        generator.Reset(request.Seed);
        return ClipNotes.UntilSeconds(generator, request);
    }

    /// <summary>The model, checked against the manifest's grid.</summary>
    public static PianoRollNoteGenerator Open(Preset preset)
    {
        var grid = Grid(preset);
        var io = preset.OnnxManifest.Io!;
        if (io.FrameInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (z) and frameOutput (the clip)");
        var session = preset.OpenSession();
        OnnxClipModel model;
        try
        {
            model = new OnnxClipModel(session, io.FrameInput.Name, io.FrameOutput.Name);
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
        return new PianoRollNoteGenerator(model, (float)grid.MaxValue, (float)grid.Threshold);
    }

    /// <summary>The manifest's grid, which must be the one <see cref="PianoRollEncoding"/> plays.</summary>
    public static ManifestPianoRoll Grid(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.PianoRoll || manifest.PianoRoll is not { } grid)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.PianoRoll}");
        if (grid.StepsPerBeat != PianoRollEncoding.StepsPerBeat || grid.BeatsPerClip != PianoRollEncoding.BeatsPerClip || grid.Pitches != PianoRollEncoding.Pitches || grid.LowestPitch != 0)
            throw new EuterpeException($"{preset.ManifestPath}: pianoRoll must be {PianoRollEncoding.StepsPerBeat} steps a beat, {PianoRollEncoding.BeatsPerClip} beats, {PianoRollEncoding.Pitches} pitches from 0");
        return grid;
    }
}

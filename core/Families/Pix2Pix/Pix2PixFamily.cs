using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.Pix2Pix;

/// <summary>
/// The Pix2Pix inpainter as players see it: a preset is model.onnx (the U-Net: facade [1, 2, 128, 128] in, filled roll
/// [1, 128, 128] out) and a manifest with representation "piano-roll" whose "pianoRoll" gives the crop's grid (8 steps a
/// beat, 16 beats, 128 pitches from 0; "latent" is the facade's 2 channels, as the model has no z: Pix2Pix's noise is
/// dropout, off in the export). It fills a clip (<see cref="Infill"/>, `generate --infill`); it does not make music from
/// nothing, so `generate --seconds` is refused. The instrument plays the captured clip filled
/// (<see cref="Pix2PixNoteGenerator"/>; without a clip, an empty facade's fill).
/// </summary>
public sealed class Pix2PixFamily : ModelFamily
{
    public const string Name = "pix2pix";

    public static Pix2PixFamily Instance { get; } = new();

    private Pix2PixFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset) => _ = Grid(preset);

    public override GenerationControl Honours(Preset preset) => GenerationControl.Threshold;

    public override INoteGenerator OpenNotes(Preset preset) => new Pix2PixNoteGenerator(Open(preset), (float)Grid(preset).Threshold);

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request) =>
        throw new EuterpeException($"{preset.ManifestPath}: the {Name} family fills a clip rather than making music from nothing: use `generate PRESET --infill CLIP.mid [--bars A-B] --out X.mid`");

    /// <summary>`generate --infill`: the clip at <paramref name="clipPath"/> with the model's filled notes added (<see cref="MidiClipInfill"/>).</summary>
    public NoteSequence Infill(Preset preset, string clipPath, (int First, int Last)? bars, double? threshold, out int added)
    {
        var grid = Grid(preset);
        if (threshold is { } t && !(t > 0 && t < grid.MaxValue))
            throw new EuterpeException(FormattableString.Invariant($"--threshold: {t} is not above 0 and below the model's largest value {grid.MaxValue}"));
        using var model = Open(preset);
        return MidiClipInfill.Fill(new ClipFiller(model), clipPath, bars, (float)(threshold ?? grid.Threshold), out added);
    }

    /// <summary>The model, checked against the manifest's io.</summary>
    public static OnnxFillModel Open(Preset preset)
    {
        _ = Grid(preset);
        var io = preset.OnnxManifest.Io!;
        if (io.FrameInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (the facade) and frameOutput (the filled roll)");
        var session = preset.OpenSession();
        try
        {
            return new OnnxFillModel(session, io.FrameInput.Name, io.FrameOutput.Name);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The manifest's grid, which must be the one <see cref="Pix2PixGrid"/> fills.</summary>
    public static ManifestPianoRoll Grid(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.PianoRoll || manifest.PianoRoll is not { } grid)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.PianoRoll}");
        if (grid.StepsPerBeat != Pix2PixGrid.StepsPerBeat || grid.BeatsPerClip != Pix2PixGrid.BeatsPerClip || grid.Pitches != Pix2PixGrid.Pitches
            || grid.LowestPitch != 0 || grid.Latent != Pix2PixGrid.InputChannels)
            throw new EuterpeException($"{preset.ManifestPath}: pianoRoll must be {Pix2PixGrid.StepsPerBeat} steps a beat, {Pix2PixGrid.BeatsPerClip} beats, {Pix2PixGrid.Pitches} pitches from 0, latent {Pix2PixGrid.InputChannels} (the facade's channels)");
        return grid;
    }
}

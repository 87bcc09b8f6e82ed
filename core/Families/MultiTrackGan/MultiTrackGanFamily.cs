using Euterpe.Core.Encoding;
using Euterpe.Core.Families.PianoRollGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.MultiTrackGan;

/// <summary>
/// The multi-track WGAN-GP with self-attention as players see it: a preset is model.onnx (the generator: z [1, latent]
/// in, one clip [1, 17, 64, 128] out) and a manifest with family "wgan-gp", representation "piano-roll" whose
/// "pianoRoll" gives the grid (<see cref="MultiTrackEncoding"/>: 4 steps a beat, 16 beats, 128 pitches from 0), the
/// default threshold and the 17 tracks with their General MIDI program and channel; its generator is
/// <see cref="MultiTrackNoteGenerator"/>. `generate` writes one MIDI track per family that plays, with its program
/// (drums on channel 10); --threshold overrides the manifest's, the instrument's Roll Threshold scales it.
/// </summary>
public sealed class MultiTrackGanFamily : ModelFamily
{
    public const string Name = "wgan-gp";

    public static MultiTrackGanFamily Instance { get; } = new();

    private MultiTrackGanFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Notes;

    public override void CheckManifest(Preset preset) => _ = Grid(preset);

    public override GenerationControl Honours(Preset preset) => GenerationControl.Tempo | GenerationControl.Threshold;

    public override INoteGenerator OpenNotes(Preset preset) => Open(preset);

    /// <summary>
    /// The tracks an exported preset lists: each family with its first GM program (acoustic grand piano, …), drums on
    /// channel 10 (9), the pitched families on channels 1–9 and 11–16 in order; MIDI has 15 channels besides drums for
    /// 16 families, so sound effects (the rarest, absent from the mma and OpenMSX corpora) shares percussive's channel 16.
    /// </summary>
    public static List<ManifestTrack> DefaultTracks() =>
    [
        .. Enum.GetValues<InstrumentFamily>().Select(f => new ManifestTrack
        {
            Name = InstrumentFamilies.Name(f),
            Program = InstrumentFamilies.FirstProgram(f),
            Channel = f == InstrumentFamily.Drums ? InstrumentFamilies.DrumChannel : Math.Min(15, (int)f - 1 + ((int)f - 1 >= InstrumentFamilies.DrumChannel ? 1 : 0)),
        }),
    ];

    public override NoteSequence GenerateNotes(Preset preset, GenerationRequest request)
    {
        AbcTextPresets.CheckRequest(request);
        var tracks = Grid(preset).Tracks!;
        using var generator = Open(preset);
        if (request.Threshold is { } threshold)
        {
            if (!(threshold > 0 && threshold < 1)) throw new EuterpeException(FormattableString.Invariant($"--threshold: {threshold} is not above 0 and below 1"));
            generator.Threshold = (float)threshold;
        }
        generator.Reset(request.Seed);
        return OneTrackPerFamily(ClipNotes.UntilSeconds(generator, request), tracks);
    }

    /// <summary>
    /// The notes (each on its track's channel) laid out as one MIDI track per family that plays, in family order after
    /// a conductor track 0, named after the family, each note carrying its family's program (drums flagged as drums).
    /// </summary>
    public static NoteSequence OneTrackPerFamily(NoteSequence notes, IReadOnlyList<ManifestTrack> tracks)
    {
        // The first track on a channel owns it (the exporter's tracks share a channel only for the rarest family).
        var familyOfChannel = new int[16];
        Array.Fill(familyOfChannel, -1);
        for (var t = tracks.Count - 1; t >= 0; t--) familyOfChannel[tracks[t].Channel] = t;
        var playing = notes.Notes.Select(n => familyOfChannel[n.Channel]).Where(t => t >= 0).Distinct().Order().ToList();
        var result = new NoteSequence(notes.TicksPerQuarter, notes.TempoMap);
        result.Tracks.Add(new TrackInfo(0));
        for (var i = 0; i < playing.Count; i++) result.Tracks.Add(new TrackInfo(i + 1, tracks[playing[i]].Name));
        foreach (var note in notes.Notes)
        {
            var family = familyOfChannel[note.Channel];
            if (family < 0) continue;
            var track = tracks[family];
            result.Notes.Add(note with { Program = track.Program, IsDrum = track.Channel == InstrumentFamilies.DrumChannel, Track = playing.IndexOf(family) + 1 });
        }
        return result;
    }

    /// <summary>The model, checked against the manifest's grid.</summary>
    public static MultiTrackNoteGenerator Open(Preset preset)
    {
        var grid = Grid(preset);
        var io = preset.OnnxManifest.Io!;
        if (io.FrameInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (z) and frameOutput (the clip)");
        var session = preset.OpenSession();
        OnnxClipModel model;
        try
        {
            model = new OnnxClipModel(session, io.FrameInput.Name, io.FrameOutput.Name,
                [MultiTrackEncoding.Tracks, MultiTrackEncoding.Steps, MultiTrackEncoding.Pitches]);
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
        return new MultiTrackNoteGenerator(model, [.. grid.Tracks!.Select(t => t.Channel)], (float)grid.Threshold);
    }

    /// <summary>The manifest's grid, which must be the one <see cref="MultiTrackEncoding"/> plays, with its 17 tracks.</summary>
    public static ManifestPianoRoll Grid(Preset preset)
    {
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.PianoRoll || manifest.PianoRoll is not { } grid)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" (family \"{manifest.Family}\") is not {Representations.PianoRoll}");
        if (grid.StepsPerBeat != MultiTrackEncoding.StepsPerBeat || grid.BeatsPerClip != MultiTrackEncoding.BeatsPerClip || grid.Pitches != MultiTrackEncoding.Pitches || grid.LowestPitch != 0)
            throw new EuterpeException($"{preset.ManifestPath}: pianoRoll must be {MultiTrackEncoding.StepsPerBeat} steps a beat, {MultiTrackEncoding.BeatsPerClip} beats, {MultiTrackEncoding.Pitches} pitches from 0");
        if (grid.Tracks is not { Count: MultiTrackEncoding.Tracks })
            throw new EuterpeException($"{preset.ManifestPath}: pianoRoll needs {MultiTrackEncoding.Tracks} tracks (drums, then the 16 GM program families), found {grid.Tracks?.Count ?? 0}");
        return grid;
    }
}

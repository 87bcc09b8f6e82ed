using Euterpe.Core.Generation;
using Euterpe.Core.Music;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.Refine;

/// <summary>
/// A refine net played over music: each pitched part (<see cref="NotePart"/>) is read note by note through the net's
/// one-step ONNX graph (features in, the LSTM's state carried, a correction out). The duration net gives every note the
/// length and gap to the next onset it predicts — notes of a chord keep their common onset, the first note its place —
/// and the velocity net gives every note its velocity. Drums, tempo and everything else are kept.
/// </summary>
public sealed class NoteRefiner : IDisposable
{
    private readonly OnnxFrameStepModel _model;
    private readonly float[] _input;
    private readonly float[] _output;

    private NoteRefiner(RefineNetKind kind, OnnxFrameStepModel model, string folder)
    {
        Kind = kind;
        _model = model;
        Folder = folder;
        _input = new float[kind.Inputs()];
        _output = new float[kind.Outputs()];
    }

    public RefineNetKind Kind { get; }

    public string Folder { get; }

    /// <summary>Opens a refine preset, checking its manifest and model; <paramref name="expected"/> refuses the other kind.</summary>
    public static NoteRefiner Open(string folder, RefineNetKind? expected = null)
    {
        var preset = Preset.Open(folder);
        var kind = RefineNetKinds.FromFamily(preset.Family)
            ?? throw new EuterpeException($"{preset.ManifestPath}: family \"{preset.Family}\" is not a refine net ({RefineNetKinds.DurationFamily} or {RefineNetKinds.VelocityFamily})");
        if (expected is { } want && want != kind)
            throw new EuterpeException($"{preset.ManifestPath}: is a {kind.Family()} net, not a {want.Family()} net");
        var manifest = preset.OnnxManifest;
        if (manifest.Representation != Representations.NoteFeatures)
            throw new EuterpeException($"{preset.ManifestPath}: representation \"{manifest.Representation}\" is not {Representations.NoteFeatures}");
        var io = manifest.Io!;
        if (io.FrameInput is null || io.FrameOutput is null)
            throw new EuterpeException($"{preset.ManifestPath}: io needs frameInput (a note's features) and frameOutput (its correction)");
        if (manifest.State.Count == 0 || manifest.State.Count % 2 != 0)
            throw new EuterpeException($"{preset.ManifestPath}: state must list the LSTM's h and c pairs, an even number, not {manifest.State.Count}");
        var signature = new FrameModelSignature(io.FrameInput.Name, io.FrameOutput.Name, [.. manifest.State.Select(s => (s.Input, s.Output))], 1, kind.Outputs());
        var session = preset.OpenSession();
        OnnxFrameStepModel? model = null;
        try
        {
            model = new OnnxFrameStepModel(session, signature, ownsSession: true);
            if (model.FrameSize != kind.Inputs())
                throw new EuterpeException($"{preset.ModelPath}: reads {model.FrameSize} features a note, a {kind.Family()} net {kind.Inputs()}");
            return new NoteRefiner(kind, model, folder);
        }
        catch
        {
            if (model is null) session.Dispose();
            else model.Dispose();
            throw;
        }
    }

    /// <summary>A copy of <paramref name="sequence"/> with every pitched part refined.</summary>
    public NoteSequence Refine(NoteSequence sequence)
    {
        var copy = SequenceCopy.WithoutNotes(sequence);
        var notes = sequence.Notes.ToArray();
        var tpq = (double)sequence.TicksPerQuarter;
        foreach (var part in NotePart.Split(sequence))
        {
            var refined = Refine(part);
            for (var i = 0; i < refined.Count; i++)
            {
                var note = notes[refined.Indices[i]];
                var start = (long)Math.Round(refined.Onsets[i] * tpq);
                var end = Math.Max(start + 1, (long)Math.Round((refined.Onsets[i] + refined.Durations[i]) * tpq));
                notes[refined.Indices[i]] = SequenceCopy.Retime(sequence, note, start, end) with { Velocity = refined.Velocities[i] };
            }
        }
        copy.Notes.AddRange(notes);
        copy.Sort();
        return copy;
    }

    /// <summary>One part refined: new lengths and onsets (duration net) or new velocities (velocity net).</summary>
    public NotePart Refine(NotePart part)
    {
        _model.ResetState();
        if (Kind == RefineNetKind.Velocity)
        {
            var velocities = new int[part.Count];
            var mean = RefineFeatures.MeanPitch(part);
            for (var i = 0; i < part.Count; i++)
            {
                RefineFeatures.Velocity(part, i, mean, _input);
                _model.Step(_input, _output);
                velocities[i] = RefineFeatures.VelocityOf(_output[0]);
            }
            return part.WithVelocities(velocities);
        }
        var onsets = new double[part.Count];
        var durations = new double[part.Count];
        var at = part.Count > 0 ? part.Onsets[0] : 0;
        for (var i = 0; i < part.Count; i++)
        {
            RefineFeatures.Duration(part, i, _input);
            _model.Step(_input, _output);
            onsets[i] = at;
            durations[i] = RefineFeatures.Beats(_output[0]);
            // A chord stays a chord: only a gap the input has moves the next onset.
            if (i + 1 < part.Count && part.Onsets[i + 1] > part.Onsets[i]) at += RefineFeatures.Beats(_output[1]);
        }
        return part.WithTiming(onsets, durations);
    }

    /// <summary>Starts a part: the LSTM's state back to zeros (for <see cref="Step"/>).</summary>
    public void ResetState() => _model.ResetState();

    /// <summary>One note through the net, the state carried from the last: features in, the raw correction out. Allocates nothing.</summary>
    public void Step(ReadOnlySpan<float> features, Span<float> correction) => _model.Step(features, correction);

    public void Dispose() => _model.Dispose();
}

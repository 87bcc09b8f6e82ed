using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.PianoRollGan;

/// <summary>
/// The piano-roll GANs' generator, for `generate`, `render` and the instrument alike: each <see cref="Step"/> draws
/// z ~ N(0, 1) from the seed, runs the model once for a whole 16-beat clip and emits its notes in time order
/// (<see cref="PianoRollEncoding.Events"/>: a run of cells above <see cref="Threshold"/> is a note, its velocity the
/// first cell's value), so clips lie end to end on the beat grid. The instrument's worker plays a clip ahead of the
/// playhead; <see cref="GridBeats"/> is a 4/4 bar, so a jump or loop restarts the clips on the next bar line. At most
/// <see cref="MaxNotesPerClip"/> notes a clip (the earliest), so one clip always fits the worker's note queue. Steps
/// allocate nothing.
/// </summary>
public sealed class PianoRollNoteGenerator : INoteGenerator
{
    /// <summary>Notes one clip may play: far above a real clip's (tens to a few hundred), below the worker's queue of 4096 events.</summary>
    public const int MaxNotesPerClip = 1024;

    private readonly OnnxClipModel _model;
    private readonly RandomSource _random = new(0);
    private readonly float[] _z, _roll;
    private readonly int[] _sounding = new int[PianoRollEncoding.Pitches];
    private readonly float _maxValue;
    private long _clips;

    public PianoRollNoteGenerator(OnnxClipModel model, float maxValue, float threshold)
    {
        _model = model;
        _maxValue = maxValue;
        Threshold = threshold;
        PresetThreshold = threshold;
        _z = new float[model.Latent];
        _roll = new float[PianoRollEncoding.CellsPerClip];
    }

    /// <summary>A cell above it sounds (the manifest's default until set).</summary>
    public float Threshold { get; set; }

    /// <summary>The manifest's threshold, which <see cref="SteerThreshold"/> scales.</summary>
    public float PresetThreshold { get; }

    /// <summary>The instrument's Roll Threshold: the preset's threshold times <paramref name="scale"/>, kept below the largest value a cell can hold.</summary>
    public void SteerThreshold(double scale) =>
        Threshold = (float)Math.Clamp(PresetThreshold * scale, 1e-3 * _maxValue, 0.999 * _maxValue);

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2 * MaxNotesPerClip;

    /// <summary>One 4/4 bar.</summary>
    public double GridBeats => 4;

    public double Time => _clips * (double)PianoRollEncoding.BeatsPerClip;

    public int ConditioningCount => 0;

    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        _clips = 0;
    }

    /// <summary>Nothing is sampled: the clip is read at the threshold.</summary>
    public void SetSampling(SamplingOptions options)
    {
    }

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        _random.FillGaussian(_z);
        _model.Run(_z, _roll);
        var start = Time;
        _clips++;
        return PianoRollEncoding.Events(_roll, Threshold, _maxValue, start, MaxNotesPerClip, _sounding, output);
    }

    /// <summary>Notes played live are not heard: every clip comes from noise alone.</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
    }

    /// <summary>A primer is not heard either: the clock stays where it is.</summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
    }

    public void Dispose() => _model.Dispose();
}

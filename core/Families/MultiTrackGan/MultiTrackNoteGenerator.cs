using Euterpe.Core.Encoding;
using Euterpe.Core.Families.PianoRollGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.MultiTrackGan;

/// <summary>
/// The multi-track WGAN-GP's generator, for `generate`, `render` and the instrument alike: each <see cref="Step"/> draws
/// z ~ N(0, 1) from the seed, runs the model once for a whole 16-beat clip of 17 tracks and emits the notes of every
/// track (<see cref="PianoRollEncoding.Events(ReadOnlySpan{float}, int, int, float, float, double, int, Span{int}, Span{ModelNoteEvent})"/>
/// on its 64 × 128 roll) on the track's MIDI channel, all in time order (at a time note-offs first, then by channel
/// and pitch). Clips lie end to end on the beat grid; <see cref="GridBeats"/> is a 4/4 bar, so a jump or loop restarts
/// the clips on the next bar line. At most <see cref="MaxNotesPerClip"/> notes a clip, given out track by track (drums
/// first), so one clip always fits the worker's note queue. Steps allocate nothing.
/// </summary>
public sealed class MultiTrackNoteGenerator : INoteGenerator
{
    /// <summary>Notes one clip may play: far above a real clip's (about 160 in the mma examples), below the worker's queue of 4096 events.</summary>
    public const int MaxNotesPerClip = 1024;

    private static readonly Comparison<ModelNoteEvent> InTimeOrder = static (a, b) =>
    {
        var c = a.Time.CompareTo(b.Time);
        if (c != 0) return c;
        c = a.IsNoteOn.CompareTo(b.IsNoteOn);
        if (c != 0) return c;
        c = a.Channel.CompareTo(b.Channel);
        return c != 0 ? c : a.Pitch.CompareTo(b.Pitch);
    };

    private readonly OnnxClipModel _model;
    private readonly int[] _channels;
    private readonly RandomSource _random = new(0);
    private readonly float[] _z, _clip;
    private readonly int[] _sounding = new int[MultiTrackEncoding.Pitches];
    private long _clips;

    /// <param name="channels">Each track's MIDI channel (17, in <see cref="InstrumentFamily"/> order).</param>
    public MultiTrackNoteGenerator(OnnxClipModel model, IReadOnlyList<int> channels, float threshold)
    {
        if (channels.Count != MultiTrackEncoding.Tracks) throw new ArgumentException($"{MultiTrackEncoding.Tracks} track channels needed, {channels.Count} given", nameof(channels));
        _model = model;
        _channels = [.. channels];
        Threshold = threshold;
        PresetThreshold = threshold;
        _z = new float[model.Latent];
        _clip = new float[MultiTrackEncoding.CellsPerClip];
    }

    /// <summary>A cell above it sounds (the manifest's default until set).</summary>
    public float Threshold { get; set; }

    /// <summary>The manifest's threshold, which <see cref="SteerThreshold"/> scales.</summary>
    public float PresetThreshold { get; }

    /// <summary>The instrument's Roll Threshold: the preset's threshold times <paramref name="scale"/>, kept inside (0, 1).</summary>
    public void SteerThreshold(double scale) => Threshold = (float)Math.Clamp(PresetThreshold * scale, 1e-3, 0.999);

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2 * MaxNotesPerClip;

    /// <summary>One 4/4 bar.</summary>
    public double GridBeats => 4;

    public double Time => _clips * (double)MultiTrackEncoding.BeatsPerClip;

    public int ConditioningCount => 0;

    /// <summary>One part per instrument family, each on its channel.</summary>
    public bool PlaysSeveralParts => true;

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
        _model.Run(_z, _clip);
        var start = Time;
        _clips++;
        int count = 0, notes = 0;
        for (var track = 0; track < MultiTrackEncoding.Tracks && notes < MaxNotesPerClip; track++)
        {
            var roll = _clip.AsSpan(track * MultiTrackEncoding.CellsPerTrack, MultiTrackEncoding.CellsPerTrack);
            var n = PianoRollEncoding.Events(roll, MultiTrackEncoding.Steps, MultiTrackEncoding.StepsPerBeat, Threshold, 1, start, MaxNotesPerClip - notes,
                _sounding, output[count..]);
            for (var i = count; i < count + n; i++)
            {
                output[i] = output[i] with { Channel = _channels[track] };
                if (output[i].IsNoteOn) notes++;
            }
            count += n;
        }
        output[..count].Sort(InTimeOrder);
        return count;
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

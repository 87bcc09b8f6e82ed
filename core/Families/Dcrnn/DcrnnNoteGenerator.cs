using Euterpe.Core.Encoding;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.Dcrnn;

/// <summary>
/// The DCRNN's generator, for `generate`, `render` and the instrument alike: each <see cref="Step"/> runs the model
/// once for a whole 16-beat clip and emits its notes in time order (<see cref="PianoRollEncoding.Events"/>, as the
/// piano-roll GANs play them). Which z a clip gets: the seed draws z(0), z(1), … in order (the first 26 at
/// <see cref="Reset"/>, one per letter A–Z). Without a form clip i plays z(i); with a form (<see cref="Form"/>) clip i
/// plays its letter's z (A is z(0), B z(1), …), so a repeated letter repeats its clip. <see cref="Morph"/> m moves each
/// clip's z linearly toward the next clip's: (1 − m)·z(this) + m·z(next), next being clip i + 1's z or the form's next
/// letter's (m = 1 plays the next one's z). The instrument's eight Latent knobs then replace z's first eight values,
/// and its New Theme trigger redraws the z the next clip plays from a stream of its own. The pitch-class histogram
/// (<see cref="Histogram"/>): the asked-for key's scale; without one, the histogram of the training clip the seed
/// picks (the manifest's, chosen by <see cref="SeedQuantile"/> among them ordered by key, so seeds play in the
/// corpus's keys as often as it does), or uniform for a preset without them. The shipped model follows its histogram
/// input only weakly (asked for F♯ major, it played C major), so it hears the histogram moved to C by its best-fitting
/// major scale and its notes are moved to that scale's key (<see cref="Transposition"/>), as the n-gram's melodies
/// are. Steps allocate nothing.
/// </summary>
public sealed class DcrnnNoteGenerator : INoteGenerator
{
    /// <summary>Notes one clip may play: far above a real clip's, below the worker's queue of 4096 events.</summary>
    public const int MaxNotesPerClip = 1024;

    /// <summary>The Latent knobs: how many of z's first values they may replace.</summary>
    public const int LatentKnobs = 8;

    private static readonly int[][] PresetForms = [.. DcrnnForm.Presets.Select(f => f == "Off" ? [] : DcrnnForm.Parse(f))];

    private readonly DcrnnClipModel _model;
    private readonly RandomSource _random = new(0), _themeRandom = new(0);
    private readonly float[] _letters, _sequenceA, _sequenceB, _z, _roll;
    private readonly float[] _histogram = new float[DcrnnGrid.PitchClasses];
    private readonly float[] _seedHistogram = new float[DcrnnGrid.PitchClasses];
    private readonly float[] _heard = new float[DcrnnGrid.PitchClasses];
    private readonly double[] _weights = new double[DcrnnGrid.PitchClasses];
    private readonly CorpusKeys? _keys;
    private bool _keyed;
    private readonly double[] _overrides = new double[LatentKnobs];
    private readonly int[] _sounding = new int[PianoRollEncoding.Pitches];
    private readonly float _maxValue;
    private long _clips, _sequenceIndex;

    /// <param name="keys">The training clips' histograms (the manifest's), which seeds without a key start from; null: uniform.</param>
    public DcrnnNoteGenerator(DcrnnClipModel model, float maxValue, float threshold, CorpusKeys? keys = null)
    {
        _keys = keys;
        _model = model;
        _maxValue = maxValue;
        Threshold = threshold;
        PresetThreshold = threshold;
        _letters = new float[DcrnnForm.MaxLetters * model.Latent];
        _sequenceA = new float[model.Latent];
        _sequenceB = new float[model.Latent];
        _z = new float[model.Latent];
        _roll = new float[PianoRollEncoding.CellsPerClip];
        DcrnnGrid.Uniform(_histogram);
        DcrnnGrid.Uniform(_seedHistogram);
        Hear();
        Array.Fill(_overrides, double.NaN);
    }

    public int Latent => _model.Latent;

    /// <summary>A cell above it sounds (the manifest's default until set).</summary>
    public float Threshold { get; set; }

    /// <summary>The manifest's threshold, which <see cref="SteerThreshold"/> scales.</summary>
    public float PresetThreshold { get; }

    /// <summary>The form's letters (0 = A); empty: a fresh z every clip.</summary>
    public int[] Form { get; set; } = [];

    /// <summary>0…1: how far each clip's z moves toward the next clip's.</summary>
    public double Morph { get; set; }

    /// <summary>The pitch-class histogram asked for (12 values summing to 1): the key's, or the seed's.</summary>
    public ReadOnlySpan<float> Histogram => _histogram;

    /// <summary>What the model hears: <see cref="Histogram"/> moved to C by its best-fitting major scale.</summary>
    public ReadOnlySpan<float> HeardHistogram => _heard;

    /// <summary>The semitones (−5…+6) the clips' notes are moved by: from C to the histogram's key.</summary>
    public int Transposition { get; private set; }

    /// <summary>
    /// The model hears <paramref name="histogram"/> (12 weights, scaled to sum to 1) from now on, whatever the seed,
    /// until <see cref="ClearKeyHistogram"/>.
    /// </summary>
    public void SetKeyHistogram(ReadOnlySpan<float> histogram)
    {
        var sum = 0f;
        for (var pc = 0; pc < DcrnnGrid.PitchClasses; pc++) sum += histogram[pc];
        for (var pc = 0; pc < DcrnnGrid.PitchClasses; pc++) _histogram[pc] = histogram[pc] / sum;
        _keyed = true;
        Hear();
    }

    /// <summary>The model hears the seed's histogram again (see the class summary).</summary>
    public void ClearKeyHistogram()
    {
        _keyed = false;
        _seedHistogram.CopyTo(_histogram);
        Hear();
    }

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2 * MaxNotesPerClip;

    /// <summary>One 4/4 bar.</summary>
    public double GridBeats => 4;

    public double Time => _clips * (double)PianoRollEncoding.BeatsPerClip;

    public int ConditioningCount => 0;

    /// <summary>The z clip <paramref name="clip"/> would play now (for tests and tools; moves the no-form sequence on).</summary>
    public ReadOnlySpan<float> ZOf(long clip)
    {
        Choose(clip);
        return _z;
    }

    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        _themeRandom.Reseed(seed ^ 0x5DEECE66DUL);
        _random.FillGaussian(_letters);
        if (_keys is not null) _keys.PieceAt(SeedQuantile.Of(seed), _seedHistogram);
        if (!_keyed) ClearKeyHistogram();
        _sequenceIndex = 0;
        Letter(0).CopyTo(_sequenceA);
        Letter(1).CopyTo(_sequenceB);
        _clips = 0;
    }

    /// <summary>Nothing is sampled: the clip is read at the threshold.</summary>
    public void SetSampling(SamplingOptions options)
    {
    }

    public void SetConditioning(int index, float value)
    {
    }

    /// <summary>
    /// The instrument's Key and Scale become the histogram (the scale's pitch classes, equal weights); Chromatic: the
    /// seed's.
    /// </summary>
    public bool Steer(in MusicalSteering steering)
    {
        if (steering.Scale <= 0)
        {
            ClearKeyHistogram();
            return false;
        }
        var inScale = 0;
        for (var pc = 0; pc < DcrnnGrid.PitchClasses; pc++) if (MusicalScale.Contains(steering.Scale, steering.Key, pc)) inScale++;
        for (var pc = 0; pc < DcrnnGrid.PitchClasses; pc++) _histogram[pc] = MusicalScale.Contains(steering.Scale, steering.Key, pc) ? 1f / inScale : 0;
        _keyed = true;
        Hear();
        // The density and register controls still act on the notes: the histogram is all the model hears.
        return false;
    }

    public void SteerThreshold(double scale) =>
        Threshold = (float)Math.Clamp(PresetThreshold * scale, 1e-3 * _maxValue, 0.999 * _maxValue);

    /// <summary>
    /// The instrument's DCRNN controls: up to eight z values (NaN keeps the seed's), the morph (0…1) and the Form list's
    /// choice (<see cref="DcrnnForm.Presets"/>; 0 is Off). Allocates nothing.
    /// </summary>
    public void SteerLatent(ReadOnlySpan<double> latents, double morph, int form)
    {
        for (var i = 0; i < LatentKnobs; i++) _overrides[i] = i < latents.Length ? latents[i] : double.NaN;
        Morph = Math.Clamp(morph, 0, 1);
        Form = PresetForms[Math.Clamp(form, 0, PresetForms.Length - 1)];
    }

    /// <summary>New Theme: the z the next clip plays (its letter's, with a form) is drawn afresh.</summary>
    public void NewTheme()
    {
        if (Form.Length > 0)
        {
            _themeRandom.FillGaussian(Letter(Form[(int)(_clips % Form.Length)]));
            return;
        }
        Advance(_clips);
        _themeRandom.FillGaussian(_sequenceA);
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        Choose(_clips);
        _model.Run(_z, _heard, _roll);
        var start = Time;
        _clips++;
        var count = PianoRollEncoding.Events(_roll, Threshold, _maxValue, start, MaxNotesPerClip, _sounding, output);
        if (Transposition == 0) return count;
        for (var i = 0; i < count; i++)
        {
            // An octave back where the move would leave the MIDI range (the model's notes sit far inside it).
            var pitch = output[i].Pitch + Transposition;
            if (pitch > 127) pitch -= 12;
            else if (pitch < 0) pitch += 12;
            output[i] = output[i] with { Pitch = pitch };
        }
        return count;
    }

    /// <summary>Notes played live are not heard: every clip comes from z alone.</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
    }

    /// <summary>A primer is not heard either: the clock stays where it is.</summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
    }

    public void Dispose() => _model.Dispose();

    // The histogram moved to C by its best major scale, and the move back.
    private void Hear()
    {
        for (var pc = 0; pc < DcrnnGrid.PitchClasses; pc++) _weights[pc] = _histogram[pc];
        var tonic = MusicalScale.BestMajorTonic(_weights);
        for (var pc = 0; pc < DcrnnGrid.PitchClasses; pc++) _heard[pc] = _histogram[(pc + tonic) % DcrnnGrid.PitchClasses];
        Transposition = MelodyKey.ShiftFromC(tonic);
    }

    private Span<float> Letter(int letter) => _letters.AsSpan(letter * Latent, Latent);

    // Clip `clip`'s z into _z: its own (or its letter's), moved toward the next one's by Morph, then the knobs.
    private void Choose(long clip)
    {
        ReadOnlySpan<float> from, to;
        if (Form.Length > 0)
        {
            from = Letter(Form[(int)(clip % Form.Length)]);
            to = Letter(Form[(int)((clip + 1) % Form.Length)]);
        }
        else
        {
            Advance(clip);
            from = _sequenceA;
            to = _sequenceB;
        }
        var m = (float)Morph;
        // (1 − m)·a + m·b: exactly a at 0 and exactly b at 1.
        for (var i = 0; i < _z.Length; i++) _z[i] = (1 - m) * from[i] + m * to[i];
        for (var i = 0; i < LatentKnobs && i < _z.Length; i++)
            if (!double.IsNaN(_overrides[i])) _z[i] = (float)_overrides[i];
    }

    // Moves the no-form pair on to (z(clip), z(clip + 1)); z(k) is letter k's for k < 26, then the seed's next draws.
    private void Advance(long clip)
    {
        while (_sequenceIndex < clip)
        {
            _sequenceB.CopyTo(_sequenceA, 0);
            _sequenceIndex++;
            var next = _sequenceIndex + 1;
            if (next < DcrnnForm.MaxLetters) Letter((int)next).CopyTo(_sequenceB);
            else _random.FillGaussian(_sequenceB);
        }
    }
}

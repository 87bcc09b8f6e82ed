namespace Euterpe.Core.Generation;

/// <summary>
/// Holds a generator to a number of note onsets per second. The density a conditional model is fed steers it only
/// loosely (the shipped event RNN made 9 to 14 notes per second whatever it was asked), so the realised rate over the
/// last <see cref="WindowSeconds"/> is measured and a bias added to the note-on logits is moved, by an integrator of
/// the logarithmic error over model time, until the rate is the target. A bias b multiplies the odds of a note-on by
/// e^b. It depends only on the generated times, so a seed still gives one output; nothing is allocated after
/// construction, so the real-time path may use it.
/// </summary>
public sealed class DensityController
{
    /// <summary>The seconds of recent output the realised rate is measured over.</summary>
    public const double WindowSeconds = 4;

    /// <summary>The most a bias may move the odds of a note-on either way (e^±6 ≈ 400×).</summary>
    public const double MaxBias = 6;

    // Bias change per second per unit of log error: settles in a few seconds, slower than the window so it does not ring.
    private const double Gain = 1.0;

    // The most onsets one window holds (1000 a second); past it the oldest is dropped early.
    private const int Capacity = 4096;

    private readonly double[] _onsets = new double[Capacity];
    private int _first;
    private int _count;
    private long _total;
    private double _start;
    private double _last;
    private double _bias;

    /// <param name="notesPerSecond">The onset rate to hold, above 0.</param>
    public DensityController(double notesPerSecond)
    {
        if (!(notesPerSecond > 0) || double.IsInfinity(notesPerSecond)) throw new ArgumentOutOfRangeException(nameof(notesPerSecond), notesPerSecond, "must be above 0");
        Target = notesPerSecond;
    }

    public double Target { get; }

    /// <summary>What to add to every note-on logit before the next token is drawn.</summary>
    public float NoteOnBias => (float)_bias;

    /// <summary>Starts again at model time <paramref name="seconds"/> with no bias.</summary>
    public void Reset(double seconds)
    {
        _first = 0;
        _count = 0;
        _total = 0;
        _start = seconds;
        _last = seconds;
        _bias = 0;
    }

    /// <summary>A note started at <paramref name="seconds"/> (model time, never before the previous one).</summary>
    public void Onset(double seconds)
    {
        if (_count == Capacity) Drop();
        _onsets[(_first + _count) % Capacity] = seconds;
        _count++;
        _total++;
    }

    /// <summary>Model time is now <paramref name="seconds"/>: measures the rate and moves the bias by the time passed.</summary>
    public void Update(double seconds)
    {
        var elapsed = seconds - _last;
        if (elapsed <= 0) return;
        _last = seconds;
        while (_count > 0 && _onsets[_first] <= seconds - WindowSeconds) Drop();
        // Rates over at least one second, so one early note is no flood; half a note stands in for none, so silence
        // still has a finite error that raises the bias.
        var sinceStart = Math.Max(1, seconds - _start);
        var recent = Math.Max(_count, 0.5) / Math.Min(WindowSeconds, sinceStart);
        // The whole output's rate too: what the first seconds overshot (before the bias found its level) is made up later.
        var overall = Math.Max(_total, 0.5) / sinceStart;
        var error = 0.5 * Math.Log(Target / recent) + 0.5 * Math.Log(Target / overall);
        _bias = Math.Clamp(_bias + Gain * elapsed * error, -MaxBias, MaxBias);
    }

    private void Drop()
    {
        _first = (_first + 1) % Capacity;
        _count--;
    }
}

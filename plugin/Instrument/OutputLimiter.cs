namespace Euterpe.Plugin.Instrument;

/// <summary>
/// A stereo-linked peak limiter on the output bus: dense generated chords can sum far above full scale, and a
/// producer should never get a clipped instrument at its default settings. The envelope follows the peak instantly
/// and releases slowly, so the output never exceeds <see cref="Ceiling"/> while quiet passages pass untouched.
/// Allocation-free; one instance per audio thread.
/// </summary>
public sealed class OutputLimiter
{
    /// <summary>Highest absolute sample value the limiter lets through (about −0.2 dBFS).</summary>
    public const float Ceiling = 0.977f;

    private const double ReleaseSeconds = 0.25;
    private float _envelope;
    private float _release = 0.9999f;

    public void SetSampleRate(double sampleRate)
    {
        _release = (float)Math.Exp(-1 / (ReleaseSeconds * sampleRate));
        Reset();
    }

    public void Reset() => _envelope = 0;

    /// <summary>Current gain reduction in dB (0 when not limiting); for meters and tests.</summary>
    public double ReductionDb => _envelope > Ceiling ? 20 * Math.Log10(Ceiling / _envelope) : 0;

    public void Process(Span<float> left, Span<float> right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            var peak = Math.Max(Math.Abs(left[i]), Math.Abs(right[i]));
            _envelope = peak > _envelope ? peak : _envelope * _release;
            if (_envelope < 1e-9f) _envelope = 0; // no denormals on the audio thread
            if (_envelope <= Ceiling) continue;
            // The envelope is at least this sample's peak, so the scaled sample is at most the ceiling
            // (the clamp only absorbs float rounding).
            var gain = Ceiling / _envelope;
            left[i] = Math.Clamp(left[i] * gain, -Ceiling, Ceiling);
            right[i] = Math.Clamp(right[i] * gain, -Ceiling, Ceiling);
        }
    }
}

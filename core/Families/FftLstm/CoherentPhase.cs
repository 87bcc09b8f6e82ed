namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// Phase-vocoder decoding of predicted STFT frames: keeps each bin's predicted magnitude and gives it a phase that
/// continues the previous output frame's, so a partial the model holds rings as one sinusoid instead of the noise
/// its frame-to-frame phase errors make. Each spectral peak's frequency is read from the magnitudes alone (quadratic
/// interpolation of the log magnitude around the peak), and every bin up to the magnitude minimum between two peaks
/// advances its phase by that frequency over one hop (2π·f·H/N, f in bins); the first frame after
/// <see cref="Reset"/> keeps its predicted phases. Allocation-free.
/// </summary>
public sealed class CoherentPhase
{
    private readonly int _bins;
    private readonly double _hopOverLength;
    private readonly double[] _phase;
    private readonly double[] _magnitude;
    private readonly double[] _advance;
    private bool _started;

    /// <param name="frameLength">N, samples per frame.</param>
    /// <param name="hopLength">H, samples between frames.</param>
    public CoherentPhase(int frameLength, int hopLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(hopLength, 1);
        _bins = frameLength / 2 + 1;
        _hopOverLength = (double)hopLength / frameLength;
        _phase = new double[_bins];
        _magnitude = new double[_bins];
        _advance = new double[_bins];
    }

    /// <summary>Values per frame: the real parts of the bins, then their imaginary parts.</summary>
    public int FrameSize => 2 * _bins;

    public void Reset() => _started = false;

    /// <summary>Rewrites <paramref name="frame"/> (real parts, then imaginary parts) in place: same magnitudes, continued phases.</summary>
    public void Apply(Span<float> frame)
    {
        if (frame.Length != FrameSize) throw new ArgumentException($"frame has {frame.Length} values, expected {FrameSize}", nameof(frame));
        for (var k = 0; k < _bins; k++) _magnitude[k] = Math.Sqrt((double)frame[k] * frame[k] + (double)frame[_bins + k] * frame[_bins + k]);
        if (!_started)
        {
            for (var k = 0; k < _bins; k++) _phase[k] = Math.Atan2(frame[_bins + k], frame[k]);
            _started = true;
            return;
        }
        Advances();
        for (var k = 0; k < _bins; k++)
        {
            var phase = _phase[k] + _advance[k];
            phase -= 2 * Math.PI * Math.Round(phase / (2 * Math.PI)); // keep it small: precision over hours of audio
            _phase[k] = phase;
            frame[k] = (float)(_magnitude[k] * Math.Cos(phase));
            frame[_bins + k] = (float)(_magnitude[k] * Math.Sin(phase));
        }
        // A real signal's DC and Nyquist bins are real: keep their sign, drop the imaginary part.
        frame[_bins] = 0;
        frame[2 * _bins - 1] = 0;
    }

    // Per bin, the phase advance over one hop of the peak whose region holds it.
    private void Advances()
    {
        var regionStart = 0;
        var peak = -1;
        for (var k = 0; k < _bins; k++)
        {
            var isPeak = k > 0 && k < _bins - 1 && _magnitude[k] > _magnitude[k - 1] && _magnitude[k] >= _magnitude[k + 1];
            if (!isPeak) continue;
            if (peak >= 0)
            {
                var boundary = Minimum(peak, k);
                Fill(regionStart, boundary, Frequency(peak));
                regionStart = boundary;
            }
            peak = k;
        }
        if (peak < 0)
        {
            for (var k = 0; k < _bins; k++) _advance[k] = 2 * Math.PI * k * _hopOverLength;
            return;
        }
        Fill(regionStart, _bins, Frequency(peak));
    }

    // The bin of least magnitude strictly after `from` and up to `to`, where the next region starts.
    private int Minimum(int from, int to)
    {
        var at = from + 1;
        for (var k = from + 1; k <= to; k++)
            if (_magnitude[k] < _magnitude[at]) at = k;
        return at;
    }

    private void Fill(int from, int to, double frequencyInBins)
    {
        var advance = 2 * Math.PI * frequencyInBins * _hopOverLength;
        for (var k = from; k < to; k++) _advance[k] = advance;
    }

    // Peak frequency in bins: the vertex of the parabola through the log magnitudes of the peak and its neighbours.
    private double Frequency(int peak)
    {
        const double Floor = 1e-12;
        var a = Math.Log(_magnitude[peak - 1] + Floor);
        var b = Math.Log(_magnitude[peak] + Floor);
        var c = Math.Log(_magnitude[peak + 1] + Floor);
        var denominator = a - 2 * b + c;
        var offset = denominator < 0 ? 0.5 * (a - c) / denominator : 0;
        return peak + Math.Clamp(offset, -0.5, 0.5);
    }
}

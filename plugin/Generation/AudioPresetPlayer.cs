using Euterpe.Core.Audio;
using Euterpe.Core.Generation;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// The worker's side of audio mode: a raw-audio preset's generator makes hop after hop (<see cref="IAudioGenerator"/>),
/// resampled from the model's rate to the host's, into <see cref="GenerationLink.Audio"/>, a lookahead ahead of what
/// the audio thread has read. A new epoch (restart, jump, seed, "Regenerate") starts the stream again from the seed
/// audio and tells the audio thread where in the ring the new stream begins. Runs on the worker thread only.
/// </summary>
public sealed class AudioPresetPlayer : IDisposable
{
    /// <summary>Frame noise at Variation 100 %, as a fraction of the seed frames' RMS.</summary>
    public const float FullVariation = 0.05f;

    private const int MaxHopsPerPass = 64;

    private readonly IAudioGenerator _stream;
    private readonly float[] _hop;
    private SincResampler? _resampler;
    private float[] _resampled = [];
    private double _rate;
    private int _epoch = -1;

    /// <summary>Plays <paramref name="generator"/>, which it then owns.</summary>
    public AudioPresetPlayer(IAudioGenerator generator)
    {
        _stream = generator;
        _hop = new float[_stream.HopLength];
    }

    /// <summary>One pass: restart on a new epoch, follow the knobs, top the ring up. True when it generated anything.</summary>
    public bool Pass(GenerationLink link, ulong seed, double variationPercent, double temperature, double lookaheadSeconds)
    {
        var rate = link.SampleRate;
        if (rate != _rate)
        {
            // Allocates, but only when the host changes its rate.
            _rate = rate;
            _resampler = new SincResampler(_stream.SampleRate, (int)Math.Round(rate));
            _resampled = new float[_resampler.MaxOutputLength(_hop.Length)];
            _epoch = -1;
        }
        var epoch = link.Epoch;
        if (epoch != _epoch)
        {
            _epoch = epoch;
            _stream.Restart(seed);
            _resampler!.Reset();
            link.PublishAudioEpoch(epoch, link.Audio.WritePosition);
        }
        // Notes are not made in audio mode: an offline block waiting for notes may go on at once.
        link.PublishHorizon(epoch, double.MaxValue);
        _stream.Variation = (float)(variationPercent / 100 * FullVariation);
        _stream.Temperature = (float)temperature;
        var ring = link.Audio;
        // Below this fill level a whole resampled hop always fits.
        var target = Math.Min(ring.Capacity - _resampled.Length, lookaheadSeconds * rate);
        var hops = 0;
        while (ring.Count < target && hops < MaxHopsPerPass && link.Epoch == epoch)
        {
            _stream.NextHop(_hop);
            var n = _resampler!.Process(_hop, _resampled);
            ring.Write(_resampled.AsSpan(0, n));
            hops++;
        }
        return hops > 0;
    }

    public void Dispose() => _stream.Dispose();
}

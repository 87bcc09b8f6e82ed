using System.Text.Json;
using Euterpe.Core.Audio;
using Euterpe.Core.Evaluation;

namespace Euterpe.Core.Tests.Evaluation;

/// <summary>
/// The audio metrics against an independent numpy implementation (audio_metrics.py) on real audio — the shipped raw-audio
/// preset's seed.wav, 8 s of an OpenMSX song rendered by fluidsynth — and on a float file of decaying notes; and their
/// known answers: white noise, a steady sine, notes at a known rate, silence.
/// </summary>
public sealed class AudioMetricsTests : IDisposable
{
    private const int Rate = AudioSpectrogram.SampleRate;
    private readonly TempFolder _temp = new("euterpe-audio-metrics-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MetricsOfRealAudioMatchAnIndependentImplementation()
    {
        var notes = _temp.File("notes.wav");
        WavFile.Write(notes, AudioBuffer.Mono(Rate, Notes(4, 6, seconds: 5)), WavSampleFormat.Float32);
        string[] files = [RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx", "seed.wav"), notes];

        var expected = JsonDocument.Parse(PythonRunner.RunScript(PythonRunner.Script("audio_metrics.py"), files)).RootElement;
        foreach (var file in files)
        {
            var theirs = expected.GetProperty(file);
            var ours = AudioMetrics.Measure(WavFile.Read(file));
            var spectrogram = AudioSpectrogram.Compute(AudioMix.ToMono(WavFile.Read(file).Channels));
            Assert.Equal(theirs.GetProperty("frames").GetInt32(), spectrogram.FrameCount);
            Assert.Equal(theirs.GetProperty("onsets").GetInt32(), OnsetRate.Onsets(spectrogram).Count);
            Assert.True(Math.Abs(theirs.GetProperty("spectralFlatness").GetDouble() - ours.SpectralFlatness) < 1e-9, $"{file}: flatness ours {ours.SpectralFlatness}");
            Assert.True(Math.Abs(theirs.GetProperty("frameRmsSpreadDb").GetDouble() - ours.FrameRmsSpreadDb) < 1e-9, $"{file}: spread ours {ours.FrameRmsSpreadDb}");
            Assert.Equal(theirs.GetProperty("onsetsPerSecond").GetDouble(), ours.OnsetsPerSecond, 12);
        }
        // Real music: tonal, with moving levels and note starts.
        var seed = AudioMetrics.Measure(WavFile.Read(files[0]));
        Assert.InRange(seed.SpectralFlatness, 0.001, 0.05);
        Assert.InRange(seed.FrameRmsSpreadDb, 1, 10);
        Assert.InRange(seed.OnsetsPerSecond, 1, 10);
    }

    [Fact]
    public void WhiteNoiseIsFlatAndASineIsNot()
    {
        var random = new Random(1);
        var noise = new float[Rate * 4];
        for (var i = 0; i < noise.Length; i++) noise[i] = (float)(0.1 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        var sine = new float[Rate * 4];
        for (var i = 0; i < sine.Length; i++) sine[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / Rate));

        var n = AudioMetrics.Measure(noise);
        var s = AudioMetrics.Measure(sine);
        // A Hann-windowed frame of white noise has exponentially distributed bin powers: geometric/arithmetic = e^−γ ≈ 0.56.
        Assert.InRange(n.SpectralFlatness, 0.53, 0.59);
        Assert.InRange(s.SpectralFlatness, 0, 1e-3);
        // A steady sine neither moves in level nor starts notes.
        Assert.InRange(s.FrameRmsSpreadDb, 0, 0.05); // frames hold no whole number of periods: a ripple of hundredths of a dB
        Assert.Equal(0, s.OnsetsPerSecond);
        Assert.Equal(1, s.LoudFrameShare);
    }

    [Fact]
    public void NotesAtAKnownRateAreCountedAndSpreadTheLevel()
    {
        var m = AudioMetrics.Measure(Notes(4, 6, seconds: 10));
        // 4 notes a second after the first (which starts at sample 0, before any flux can rise).
        Assert.InRange(m.OnsetsPerSecond, 3.8, 4.0);
        Assert.True(m.FrameRmsSpreadDb > 2, $"spread {m.FrameRmsSpreadDb}");
    }

    [Fact]
    public void SilenceHasNoFlatnessOrSpread()
    {
        var m = AudioMetrics.Measure(new float[Rate * 2]);
        Assert.True(double.IsNaN(m.SpectralFlatness));
        Assert.True(double.IsNaN(m.FrameRmsSpreadDb));
        Assert.Equal(0, m.OnsetsPerSecond);
        Assert.Equal(0, m.LoudFrameShare);
    }

    [Fact]
    public void AudioRenderedAt48KilohertzMeasuresAsAt16()
    {
        // Noise over real notes: the resamplers' roll-off below 8 kHz would move the flatness of noise the most.
        var at16 = Notes(4, 6, seconds: 6);
        var random = new Random(2);
        for (var i = 0; i < at16.Length; i++) at16[i] += (float)(0.02 * (random.NextDouble() - 0.5));
        var resampler = new SincResampler(Rate, 48000);
        var at48 = new float[resampler.MaxOutputLength(at16.Length) + resampler.MaxOutputLength(0)];
        var n = resampler.Process(at16, at48);
        n += resampler.Flush(at48.AsSpan(n));

        var direct = AudioMetrics.Measure(at16);
        var roundTrip = AudioMetrics.Measure(AudioBuffer.Mono(48000, at48[..n]));
        Assert.InRange(roundTrip.SpectralFlatness / direct.SpectralFlatness, 0.9, 1.1);
        Assert.InRange(roundTrip.FrameRmsSpreadDb - direct.FrameRmsSpreadDb, -0.1, 0.1);
        Assert.InRange(roundTrip.OnsetsPerSecond, direct.OnsetsPerSecond - 0.34, direct.OnsetsPerSecond + 0.34);
    }

    /// <summary>Plucked notes: a few harmonics decaying exponentially (time constant 1/<paramref name="decay"/> s), <paramref name="perSecond"/> a second.</summary>
    private static float[] Notes(int perSecond, double decay, double seconds)
    {
        var samples = new float[(int)(seconds * Rate)];
        var period = Rate / perSecond;
        double[] pitches = [220, 262, 330, 392, 294];
        for (var i = 0; i < samples.Length; i++)
        {
            var note = i / period;
            var t = (double)(i % period) / Rate;
            var f = pitches[note % pitches.Length];
            var v = 0.0;
            for (var h = 1; h <= 3; h++) v += Math.Sin(2 * Math.PI * f * h * t) / h;
            samples[i] = (float)(0.2 * v * Math.Exp(-decay * t));
        }
        return samples;
    }
}

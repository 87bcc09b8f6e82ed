using Euterpe.Core.Audio;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Families.FftLstm;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// <see cref="CoherentPhase"/> on the model's framing (STFT 512/256 at 16 kHz): frames of a steady chord whose phases are
/// scrambled — a model's phase errors at their worst — decode to a fluttering level as they are, and to the steady chord
/// again with continued phases; magnitudes are kept exactly; nothing is allocated per frame.
/// </summary>
public sealed class CoherentPhaseTests
{
    private const int Rate = 16000;

    [Fact]
    public void ScrambledPhasesOfASteadyChordDecodeToASteadyChordAgain()
    {
        var codec = new StftFrameCodec(512, 256);
        var signal = new float[Rate * 3];
        for (var i = 0; i < signal.Length; i++) signal[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 440.7 * i / Rate) + 0.2 * Math.Sin(2 * Math.PI * 1234.5 * i / Rate));
        var frames = codec.Encode(signal);
        var random = new Random(3);
        var bins = codec.Bins;
        foreach (var frame in frames)
        {
            for (var k = 0; k < bins; k++)
            {
                var magnitude = Math.Sqrt(frame[k] * frame[k] + frame[bins + k] * frame[bins + k]);
                var phase = 2 * Math.PI * random.NextDouble();
                (frame[k], frame[bins + k]) = ((float)(magnitude * Math.Cos(phase)), (float)(magnitude * Math.Sin(phase)));
            }
        }
        var scrambled = codec.Decode(frames);

        var coherent = new CoherentPhase(512, 256);
        var rebuilt = frames.Select(f => (float[])f.Clone()).ToArray();
        foreach (var frame in rebuilt) coherent.Apply(frame);
        for (var f = 0; f < frames.Length; f++)
            for (var k = 1; k < bins - 1; k++)
                Assert.True(Math.Abs(Magnitude(frames[f], k, bins) - Magnitude(rebuilt[f], k, bins)) <= 1e-5 * Math.Max(1, Magnitude(frames[f], k, bins)));
        var decoded = codec.Decode(rebuilt);

        var original = AudioMetrics.Measure(signal.AsSpan(Rate / 2));
        var before = AudioMetrics.Measure(scrambled.AsSpan(Rate / 2, signal.Length - Rate / 2));
        var after = AudioMetrics.Measure(decoded.AsSpan(Rate / 2, signal.Length - Rate / 2));
        // Scrambled phases beat against each other from frame to frame: the level flutters (0.8 dB here). Continued
        // phases make the steady chord again (0.016 dB for the original).
        Assert.True(before.FrameRmsSpreadDb > 0.4, $"scrambled spread {before.FrameRmsSpreadDb}");
        Assert.True(after.FrameRmsSpreadDb < 0.1, $"rebuilt spread {after.FrameRmsSpreadDb}, original {original.FrameRmsSpreadDb}");
        // A steady chord again: its level does not flutter as the scrambled frames' does.
        Assert.True(after.FrameRmsSpreadDb < 0.5 && after.FrameRmsSpreadDb < before.FrameRmsSpreadDb / 2, $"spread {after.FrameRmsSpreadDb} vs {before.FrameRmsSpreadDb}");
    }

    [Fact]
    public void ApplyingAllocatesNothing()
    {
        var coherent = new CoherentPhase(512, 256);
        var frame = new float[coherent.FrameSize];
        var random = new Random(1);
        for (var i = 0; i < frame.Length; i++) frame[i] = (float)random.NextDouble();
        coherent.Apply(frame);
        coherent.Apply(frame);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < 100; n++) coherent.Apply(frame);
        coherent.Reset();
        coherent.Apply(frame);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static double Magnitude(float[] frame, int k, int bins) => Math.Sqrt((double)frame[k] * frame[k] + (double)frame[bins + k] * frame[bins + k]);
}

using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Generation;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The level head: the generator draws each frame's level class from the model's logits, brings the predicted frame to
/// a level inside that class, and feeds the scaled frame back (the model hears the level it was given).
/// </summary>
public sealed class AudioFrameLevelTests
{
    private static readonly FrameLevelBins Bins = new(12, -60, 3); // −60 … −24 dB in 3 dB classes

    /// <summary>Predicts a fixed small frame, whatever it reads; records the level of each frame it read.</summary>
    private sealed class FixedLevelModel(float[] logits) : IFrameStepModel
    {
        public List<float> ReadLevels { get; } = [];

        public int FrameSize => 8;

        public int ContextFrames => 1;

        public int LevelClasses => logits.Length;

        public ReadOnlySpan<float> LevelLogits => logits;

        public void ResetState()
        {
        }

        public void Step(ReadOnlySpan<float> context, Span<float> nextFrame)
        {
            ReadLevels.Add(FrameLevelBins.Db(context));
            for (var i = 0; i < nextFrame.Length; i++) nextFrame[i] = i % 2 == 0 ? 1e-4f : -2e-4f;
        }

        public void Dispose()
        {
        }
    }

    private static float[] Logits(params (int Class, float Logit)[] peaks)
    {
        var logits = Enumerable.Repeat(-30f, Bins.Count).ToArray();
        foreach (var (k, v) in peaks) logits[k] = v;
        return logits;
    }

    private static List<float> Levels(FixedLevelModel model, int frames, float temperature = 1)
    {
        var generator = new AudioFrameGenerator(model, 1, Bins) { LevelTemperature = temperature };
        generator.Seed(new float[8], 3);
        var frame = new float[8];
        var levels = new List<float>();
        for (var i = 0; i < frames; i++)
        {
            generator.Next(frame);
            levels.Add(FrameLevelBins.Db(frame));
            Assert.Equal(generator.LastLevelDb, levels[^1], 0.002);
        }
        return levels;
    }

    [Fact]
    public void A_certain_class_puts_every_frame_inside_it_and_the_model_reads_the_scaled_frames()
    {
        var model = new FixedLevelModel(Logits((7, 10)));
        var levels = Levels(model, 200);
        // The predicted frame sits at −77 dB; class 7 is −39 … −36 dB.
        Assert.All(levels, l => Assert.InRange(l, -39.001f, -35.999f));
        Assert.True(levels.Max() - levels.Min() > 2, $"levels are not drawn within the class: {levels.Min():F2} … {levels.Max():F2}");
        Assert.Equal(levels.Take(199), model.ReadLevels.Skip(1).Take(199), new LevelComparer());
    }

    [Fact]
    public void Equal_classes_are_drawn_about_equally_and_a_low_temperature_takes_the_likelier()
    {
        var even = Levels(new FixedLevelModel(Logits((2, 0), (9, 0))), 400);
        var loud = even.Count(l => l >= Bins.LowDb + 9 * Bins.StepDb - 0.001f);
        Assert.InRange(loud, 160, 240);
        Assert.Equal(400 - loud, even.Count(l => l < Bins.LowDb + 3 * Bins.StepDb + 0.001f));

        var cold = Levels(new FixedLevelModel(Logits((2, 1f), (9, 0.5f))), 100, temperature: 0.01f);
        Assert.All(cold, l => Assert.InRange(l, -54.001f, -50.999f));
    }

    [Fact]
    public void A_model_and_classes_that_disagree_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AudioFrameGenerator(new FixedLevelModel(Logits()), 1));
        Assert.Throws<ArgumentException>(() => new AudioFrameGenerator(new FixedLevelModel(new float[5]), 1, Bins));
    }

    [Fact]
    public void Classes_fitted_to_frames_span_their_levels()
    {
        // 1000 frames whose levels climb from −80 to −20 dB.
        var frames = new float[1000 * 4];
        for (var i = 0; i < 1000; i++)
        {
            var amplitude = MathF.Pow(10, (-80 + 60 * i / 999f) / 20);
            frames.AsSpan(i * 4, 4).Fill(amplitude);
        }
        var bins = FrameLevelBins.Fit(frames, 4, 30);
        Assert.Equal(30, bins.Count);
        Assert.InRange(bins.LowDb, -79.5f, -78.9f); // the 1st percentile
        Assert.InRange(bins.LowDb + bins.Count * bins.StepDb, -19.1f, -18.9f); // a dB above the 99.9th
        Assert.Equal(0, bins.Bin(-200));
        Assert.Equal(29, bins.Bin(0));
        Assert.Equal(-100, FrameLevelBins.Db(new float[4]), 3);
    }

    private sealed class LevelComparer : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-3;

        public int GetHashCode(float obj) => 0;
    }
}

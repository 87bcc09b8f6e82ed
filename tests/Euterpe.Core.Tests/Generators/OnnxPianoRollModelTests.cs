using Euterpe.Core.Inference.Generators;

namespace Euterpe.Core.Tests.Generators;

/// <summary>Piano-roll models against numpy, and PianoRollGenerator's noise, variation and note decoding.</summary>
public sealed class OnnxPianoRollModelTests
{
    private static readonly PianoRollModelSignature Logits = new("noise", "roll", "cond", OutputsLogits: true);

    [Fact]
    public void LogitsRollThroughASigmoidMatchesNumpy()
    {
        using var model = OnnxPianoRollModel.Open(GeneratorTestModels.PathOf("roll_logits.onnx"), Logits);
        Assert.Equal((4, 2, 8, 6), (model.LatentSize, model.ConditioningSize, model.Steps, model.Pitches));
        var roll = new float[48];
        model.Generate(GeneratorTestModels.Floats("roll_noise.npy"), GeneratorTestModels.Floats("roll_cond.npy"), roll);
        AssertClose(GeneratorTestModels.Floats("roll_expected.npy"), roll);
    }

    [Fact]
    public void ProbabilityRollIn4DIsUsedAsItComes()
    {
        using var model = OnnxPianoRollModel.Open(GeneratorTestModels.PathOf("roll_probs.onnx"), new PianoRollModelSignature("noise", "roll"));
        Assert.False(model.OutputsLogits);
        Assert.Equal((0, 8, 6), (model.ConditioningSize, model.Steps, model.Pitches));
        var roll = new float[48];
        model.Generate(GeneratorTestModels.Floats("roll_noise.npy"), [], roll);
        AssertClose(GeneratorTestModels.Floats("roll_probs_expected.npy"), roll);
    }

    [Fact]
    public void WrongRollDescriptionIsAClearError()
    {
        var path = GeneratorTestModels.PathOf("roll_logits.onnx");
        var error = Assert.Throws<EuterpeException>(() => OnnxPianoRollModel.Open(path, Logits with { ConditioningInput = null }));
        Assert.Equal($"{path}: piano-roll model input 'cond' (cond: float[1, 2]) has no role in the signature", error.Message);
        error = Assert.Throws<EuterpeException>(() => OnnxPianoRollModel.Open(path, Logits with { RollOutput = "cond" }));
        Assert.Contains("no output 'cond'", error.Message);
    }

    [Fact]
    public void GeneratorIsSeededAndVariationScalesTheNoise()
    {
        using var model = OnnxPianoRollModel.Open(GeneratorTestModels.PathOf("roll_logits.onnx"), Logits);
        var generator = new PianoRollGenerator(model, 9);
        generator.Conditioning[0] = 1f;
        var first = generator.GenerateRoll().ToArray();
        var second = generator.GenerateRoll().ToArray();
        generator.Reset(9);
        Assert.Equal(first, generator.GenerateRoll().ToArray());
        Assert.NotEqual(first, second);

        // With no variation the noise is zero whatever the seed, so every roll is the model's answer to zero noise.
        generator.Variation = 0f;
        var calm = generator.GenerateRoll().ToArray();
        generator.Reset(1234);
        Assert.Equal(calm, generator.GenerateRoll().ToArray());
        var direct = new float[48];
        model.Generate(new float[4], [1f, 0f], direct);
        Assert.Equal(direct, calm);

        generator.Variation = 0.5f;
        generator.Reset(9);
        generator.GenerateRoll();
        var halfNoise = generator.Noise.ToArray();
        generator.Variation = 1f;
        generator.Reset(9);
        generator.GenerateRoll();
        for (var i = 0; i < halfNoise.Length; i++) Assert.Equal(generator.Noise[i] * 0.5f, halfNoise[i], 1e-6f);
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(0.3f)]
    [InlineData(0.8f)]
    public void NotesCoverExactlyTheCellsAboveThresholdAsMaximalRuns(float threshold)
    {
        using var model = OnnxPianoRollModel.Open(GeneratorTestModels.PathOf("roll_logits.onnx"), Logits);
        var generator = new PianoRollGenerator(model, 77) { Threshold = threshold, LowestPitch = 60, Variation = 1.5f };
        var notes = generator.GenerateNotes(ticksPerStep: 120, secondsPerStep: 0.125, velocity: 90);
        var roll = generator.Roll.ToArray();
        Assert.NotEmpty(notes);

        var covered = new bool[48];
        foreach (var n in notes)
        {
            Assert.Equal(90, n.Velocity);
            Assert.Equal(0, n.StartTick % 120);
            Assert.Equal(n.StartTick / 120 * 0.125, n.StartSeconds, 9);
            Assert.Equal(n.EndTick / 120 * 0.125, n.EndSeconds, 9);
            var pitch = n.Pitch - 60;
            for (var s = (int)(n.StartTick / 120); s < n.EndTick / 120; s++)
            {
                Assert.False(covered[s * 6 + pitch], "cells belong to one note");
                covered[s * 6 + pitch] = true;
            }
        }
        for (var i = 0; i < 48; i++) Assert.Equal(roll[i] >= threshold, covered[i]);
        // Held steps merge: no note ends where another of its pitch starts.
        Assert.DoesNotContain(notes, a => notes.Any(b => b.Pitch == a.Pitch && b.StartTick == a.EndTick));
        Assert.Equal(notes.OrderBy(n => n.StartTick).ThenBy(n => n.Pitch), notes);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5f, $"cell {i}: numpy {expected[i]}, onnx {actual[i]}");
    }
}

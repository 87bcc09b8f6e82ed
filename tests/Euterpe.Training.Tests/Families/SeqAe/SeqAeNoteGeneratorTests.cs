using Euterpe.Core.Families.SeqAe;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.SeqAe;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.SeqAe;

/// <summary>
/// The seq-ae's code walk over an exported (untrained) decoder: the same seed gives the same notes; a subsequence of
/// tokens per code; the walk flips the asked-for number of bits on average; with the theme always returning and never
/// re-stored, every fourth subsequence is back at the start code.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class SeqAeNoteGeneratorTests
{
    private const int Bits = 12, Length = 8;

    private static SeqAeNoteGenerator Open()
    {
        torch.manual_seed(9);
        var v = SeqAeFamily.Encoding.JointVocabularySize;
        using var decoder = new SeqAeDecoder(v, embedding: 8, hidden: 16, codeBits: Bits);
        var session = InferenceSession.FromBytes(SeqAeOnnxGraph.Build(decoder).ToByteArray());
        var signature = new FrameModelSignature(SeqAeOnnxGraph.FrameInput, SeqAeOnnxGraph.FrameOutput,
            [.. SeqAeOnnxGraph.StatePairs(16).Select(s => (s.Input, s.Output))], 1, v);
        return new SeqAeNoteGenerator(new OnnxFrameStepModel(session, signature, ownsSession: true), SeqAeFamily.Encoding, Length);
    }

    // The code of each subsequence over `count` subsequences, and the events.
    private static (List<float[]> Codes, List<ModelNoteEvent> Events) Walk(SeqAeNoteGenerator generator, ulong seed, int count)
    {
        generator.Reset(seed);
        var codes = new List<float[]>();
        var events = new List<ModelNoteEvent>();
        var buffer = new ModelNoteEvent[generator.MaxEventsPerStep];
        for (var s = 0; s < count * Length; s++)
        {
            var n = generator.Step(buffer);
            if (s % Length == 0) codes.Add(generator.Code.ToArray());
            events.AddRange(buffer.Take(n));
        }
        return (codes, events);
    }

    private static int Hamming(float[] a, float[] b) => a.Zip(b).Count(p => p.First != p.Second);

    [Fact]
    public void The_same_seed_gives_the_same_notes_and_another_seed_others()
    {
        using var generator = Open();
        Assert.Equal(Bits, generator.CodeBits);
        var (codes, events) = Walk(generator, 4, 12);
        Assert.NotEmpty(events);
        Assert.All(codes, c => Assert.All(c, x => Assert.True(x is 1 or -1)));
        var again = Walk(generator, 4, 12);
        Assert.Equal(events, again.Events);
        Assert.NotEqual(codes[0], Walk(generator, 5, 1).Codes[0]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.25)]
    [InlineData(4.0)]
    public void The_walk_flips_the_walk_rate_in_bits_on_average(double rate)
    {
        using var generator = Open();
        generator.WalkRate = rate;
        generator.ThemeReturn = 0;
        var (codes, _) = Walk(generator, 7, 400);
        var mean = codes.Zip(codes.Skip(1)).Average(p => Hamming(p.First, p.Second));
        Assert.InRange(mean, rate - 0.15, rate + 0.15);
    }

    [Fact]
    public void The_theme_returns_every_fourth_subsequence_when_it_always_returns()
    {
        using var generator = Open();
        generator.WalkRate = 3;
        generator.ThemeReturn = 1;
        generator.ThemeStore = 0;
        var (codes, _) = Walk(generator, 8, 17);
        for (var i = 0; i < codes.Count; i++)
        {
            if (i % SeqAeNoteGenerator.ThemeEvery == 0) Assert.Equal(codes[0], codes[i]);
            else Assert.Equal(3, Hamming(codes[i - 1], codes[i]));
        }
    }
}

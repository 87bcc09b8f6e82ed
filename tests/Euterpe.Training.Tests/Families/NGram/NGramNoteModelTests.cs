using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;

namespace Euterpe.Training.Tests.Families.NGram;

public class NGramNoteModelTests
{
    // "Frère Jacques" as pitch and duration tokens (durations in eighths: 2 = quarter, 4 = half).
    private static readonly int[] TunePitches = [60, 62, 64, 60, 60, 62, 64, 60, 64, 65, 67, 64, 65, 67];
    private static readonly int[] TuneDurations = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 2, 2, 4];

    private static NGramNoteModel Trained(int order)
    {
        var model = new NGramNoteModel(order, 129, 17);
        model.Add(TunePitches, TuneDurations);
        model.Add(TunePitches.Select(p => p + 2).ToArray(), TuneDurations);
        return model;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void EveryContextGivesAProperDistribution(int order)
    {
        var model = Trained(order);
        int[][] contexts = [[], [60], [60, 62], [64, 60, 60, 62], [1, 2, 3], [67, 64]];
        foreach (var context in contexts)
        {
            var sum = Enumerable.Range(0, 129).Sum(s => model.Pitches.Probability(context, s));
            Assert.Equal(1.0, sum, 9);
            Assert.All(Enumerable.Range(0, 129), s => Assert.True(model.Pitches.Probability(context, s) > 0));
        }
    }

    [Fact]
    public void LongerContextsPredictTheTuneBetter()
    {
        var heldOut = new[] { (TunePitches.Select(p => p - 3).ToArray(), TuneDurations) };
        var training = new[] { (TunePitches, TuneDurations) };
        var unigram = Trained(1);
        var trigram = Trained(3);
        Assert.True(trigram.CrossEntropy(training) < unigram.CrossEntropy(training) - 0.5);
        // Unseen transposition: every model backs off, none is infinite, and all beat the uniform guess.
        var uniform = Math.Log(129) + Math.Log(17);
        Assert.True(trigram.CrossEntropy(heldOut) < uniform);
        Assert.True(double.IsFinite(trigram.CrossEntropy(heldOut)));
    }

    [Fact]
    public void GreedyGenerationContinuesTheTune()
    {
        // Five previous pitches make every context of the tune unique; durations alone repeat too much to test here.
        var model = Trained(6);
        var (pitches, durations) = Draw(model, 6, seed: 1, temperature: 0, TunePitches[..8], TuneDurations[..8]);
        Assert.Equal(TunePitches.AsSpan(8, 6).ToArray(), pitches);
        Assert.Equal(6, durations.Length);
    }

    [Fact]
    public void SameSeedSameMelodyDifferentSeedDiffers()
    {
        var model = Trained(2);
        var a = Draw(model, 64, seed: 11, temperature: 1.5);
        var b = Draw(model, 64, seed: 11, temperature: 1.5);
        var c = Draw(model, 64, seed: 12, temperature: 1.5);
        Assert.Equal(a.Pitches, b.Pitches);
        Assert.Equal(a.Durations, b.Durations);
        Assert.NotEqual(a.Pitches, c.Pitches);
    }

    [Fact]
    public void SaveAndLoadKeepEveryProbability()
    {
        using var dir = new TempFolder("ngram");
        var model = Trained(3);
        var path = dir.File("model.json");
        model.Save(path, new NGramProvenance { Data = "test tune", Encoding = new NoteEncodingSettings() });
        var loaded = NGramNoteModel.Load(path);
        int[] context = [62, 64];
        for (var s = 0; s < 129; s++) Assert.Equal(model.Pitches.Probability(context, s), loaded.Pitches.Probability(context, s), 12);
        for (var s = 0; s < 17; s++) Assert.Equal(model.Durations.Probability([2, 2], s), loaded.Durations.Probability([2, 2], s), 12);
    }

    [Fact]
    public void CorruptFilesGiveOneClearError()
    {
        using var dir = new TempFolder("ngram");
        var path = dir.File("bad.json");
        File.WriteAllText(path, "{\"formatVersion\": 1, \"family\": \"ngram\", \"pitches\": {\"order\": 2, \"vocabularySize\": 3, \"rows\": [{\"context\": [], \"next\": [[7, 1]]}]}, \"durations\": {\"order\": 2, \"vocabularySize\": 3, \"rows\": []}}");
        var e = Assert.Throws<EuterpeException>(() => NGramNoteModel.Load(path));
        Assert.StartsWith(path + ": bad count entry", e.Message);
        File.WriteAllText(path, "not json");
        e = Assert.Throws<EuterpeException>(() => NGramNoteModel.Load(path));
        Assert.StartsWith(path + ": not a valid n-gram model", e.Message);
    }

    /// <summary>Draws <paramref name="count"/> notes after a primer, pitch then duration from one seeded source, as the generator does.</summary>
    private static (int[] Pitches, int[] Durations) Draw(NGramNoteModel model, int count, ulong seed, double temperature, int[]? primePitches = null, int[]? primeDurations = null)
    {
        var random = new RandomSource(seed);
        var pitches = new List<int>(primePitches ?? []);
        var durations = new List<int>(primeDurations ?? []);
        for (var i = 0; i < count; i++)
        {
            pitches.Add(model.DrawPitch(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pitches), temperature, random));
            durations.Add(model.DrawDuration(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(durations), temperature, random));
        }
        return ([.. pitches.Skip(primePitches?.Length ?? 0)], [.. durations.Skip(primeDurations?.Length ?? 0)]);
    }
}

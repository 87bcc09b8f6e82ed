using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Training.Data;
using Euterpe.Training.Families.CharRnn;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using Euterpe.Training.Torch.Serialization;

namespace Euterpe.Training.Tests.Families.CharRnn;

/// <summary>Char-RNN training on the ABC text of a few OpenMSX melodies: the loss falls, and a resumed run ends where an uninterrupted one does.</summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class CharRnnTrainerTests : IDisposable
{
    internal static readonly string[] Songs = ["coconut_run2.mid", "train_filled_with_cash.mid", "ultimate_run.mid"];
    private readonly TempFolder _corpus = new("euterpe-char-rnn-");

    public void Dispose() => _corpus.Dispose();

    /// <summary>Three OpenMSX songs as ABC characters, straight from the folder: two to train on, one held out.</summary>
    internal static PreparedDataset Dataset(TempFolder temp)
    {
        Corpora.RequireOpenMsx();
        var folder = temp.CopyFrom(Corpora.OpenMsx, "songs", Songs);
        var dataset = DatasetPreparer.Prepare(folder, new PrepareOptions { Encoding = DataEncoding.Abc, ValidationFraction = 0.34, Seed = 3 });
        Assert.Equal(2, dataset.Train.Count);
        Assert.Single(dataset.Validation);
        return dataset;
    }

    internal static CharRnnRunConfig Config(PreparedDataset data, long steps, bool conditional = false, int every = 5) =>
        CharRnnTrainer.NewRunConfig(data, "tiny", conditional, steps, batch: 4, sequenceLength: 32, learningRate: 0.01, seed: 11, device: "cpu",
            validationEvery: every, checkpointEvery: every);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ValidationLossFallsBelowUniformAndFromItsFirstMeasurement(bool conditional)
    {
        var data = Dataset(_corpus);
        var run = _corpus.Path("run");
        var metrics = CharRnnTrainer.Train(data, Config(data, 40, conditional, every: 10), run, resume: false);
        Assert.Equal(40, metrics.Step);
        Assert.Equal(4, metrics.History.Count);
        var first = metrics.History[0].ValidationLoss!.Value;
        var last = metrics.History[^1].ValidationLoss!.Value;
        Assert.True(last < first, $"validation loss went from {first} to {last}");
        Assert.Equal(Math.Log(37), metrics.RandomBaseline, 12);
        Assert.True(last < metrics.RandomBaseline, $"validation loss {last} is no better than uniform over 37 characters");
        Assert.True(metrics.History[^1].TrainLoss < metrics.History[0].TrainLoss);
        Assert.Equal(data.Validation[0].Tokens.Length - 1, metrics.ValidationTokens);
        // The held-out melody's notes as the text plays them: its plain melody's, one a written note (ties joined).
        Assert.Equal(AbcCharacterEncoding.PlainMelody(Core.IO.MusicFiles.Load(Path.Combine(_corpus.Path("songs"), data.Validation[0].File))[0].Sequence).Notes.Count,
            metrics.ValidationNotes);
        Assert.InRange(metrics.CharactersPerNote!.Value, 1.5, 8);
        Assert.True(File.Exists(Path.Combine(run, CharRnnTrainer.CheckpointFileName)));
        Assert.Contains("<polyline", File.ReadAllText(Path.Combine(run, CharRnnTrainer.LossCurveFileName)));
        Assert.Equal(40, CharRnnMetrics.TryLoad(run)!.Step);
        Assert.Equal(CharRnnRunConfig.FamilyName, CharRnnTrainer.ReadRunConfig(Path.Combine(run, CharRnnTrainer.CheckpointFileName)).Family);
        Assert.Equal(conditional ? ConditioningFeatures.Length : 0, metrics.Config.ConditioningSize);
        Assert.Equal(ConditioningFeatures.Length, metrics.Config.ConditioningMean.Length);
        Assert.All(metrics.Config.ConditioningMean, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void ResumedRunMatchesTheUninterruptedRun()
    {
        var data = Dataset(_corpus);
        var straight = _corpus.Path("straight");
        var split = _corpus.Path("split");
        CharRnnTrainer.Train(data, Config(data, 12, conditional: true, every: 6), straight, resume: false);
        CharRnnTrainer.Train(data, Config(data, 6, conditional: true, every: 6), split, resume: false);
        Assert.Throws<EuterpeException>(() => CharRnnTrainer.Train(data, Config(data, 12, conditional: true, every: 6), split, resume: false));
        var resumed = CharRnnTrainer.Train(data, Config(data, 12, conditional: true, every: 6), split, resume: true);
        Assert.Equal(12, resumed.Step);
        Assert.Equal(2, resumed.History.Count);

        var (a, metaA) = Safetensors.Load(Path.Combine(straight, CharRnnTrainer.CheckpointFileName));
        var (b, metaB) = Safetensors.Load(Path.Combine(split, CharRnnTrainer.CheckpointFileName));
        try
        {
            Assert.Equal("12", metaA["step"]);
            Assert.Equal("12", metaB["step"]);
            Assert.Equal(a.Keys.Order(), b.Keys.Order());
            Assert.Contains(a.Keys, k => k.StartsWith("optim.", StringComparison.Ordinal));
            // The random state is bytes: equal when the resumed run drew what the straight one did.
            Assert.Equal(TensorAssert.Values<byte>(a[TrainingCheckpoint.RandomStateName]), TensorAssert.Values<byte>(b[TrainingCheckpoint.RandomStateName]));
            foreach (var key in a.Keys.Where(k => k != TrainingCheckpoint.RandomStateName))
            {
                var x = TensorAssert.Values<float>(a[key]);
                var y = TensorAssert.Values<float>(b[key]);
                var worst = x.Zip(y, (p, q) => Math.Abs(p - q)).Max();
                Assert.True(worst <= 1e-6, $"{key}: differs by {worst}");
            }
        }
        finally
        {
            foreach (var t in a.Values.Concat(b.Values)) t.Dispose();
        }
    }

    [Fact]
    public void OtherDataAndOtherRunsAreOneLineErrors()
    {
        var data = Dataset(_corpus);
        var performance = DatasetPreparer.Prepare(_corpus.Path("songs"), new PrepareOptions { Encoding = DataEncoding.Performance });
        var e = Assert.Throws<EuterpeException>(() => CharRnnTrainer.CheckDataset(performance, "CACHE"));
        Assert.Equal("CACHE: the cache holds 'performance' data; char-rnn needs 'abc' (run `euterpe data prepare --encoding abc`)", e.Message);
        e = Assert.Throws<EuterpeException>(() => CharRnnTrainer.Train(data, Config(data, 2), _corpus.Path("none"), resume: true));
        Assert.Contains("nothing to resume", e.Message);
        // An event-rnn run's config names no family: neither resume nor export takes it for a char-rnn run.
        e = Assert.Throws<EuterpeException>(() => CharRnnRunConfig.FromJson(new Training.Families.EventRnn.EventRnnRunConfig().ToJson(), "RUN/checkpoint.safetensors"));
        Assert.Equal("RUN/checkpoint.safetensors: not a char-rnn run config (its family is not char-rnn)", e.Message);
        var c = Assert.Throws<EuterpeException>(() => CharRnnTrainer.NewRunConfig(data, "huge", false, 1, 1, 8, 1e-3, 0, "cpu", 1, 1));
        Assert.StartsWith("--config: unknown configuration 'huge'", c.Message);
        Assert.DoesNotContain('\n', c.Message);
    }
}

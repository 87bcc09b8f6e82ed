using Euterpe.Core;
using Euterpe.Training.Data;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using Euterpe.Training.Torch.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Tests.Families.EventRnn;

/// <summary>Event-RNN training on a few OpenMSX songs: the loss falls, and a resumed run ends where an uninterrupted one does.</summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class EventRnnTrainerTests : IDisposable
{
    private static readonly string[] Songs = ["coconut_run2.mid", "train_filled_with_cash.mid", "ultimate_run.mid"];
    private readonly TempFolder _corpus = new("euterpe-data-");

    public void Dispose() => _corpus.Dispose();

    private PreparedDataset Dataset()
    {
        var folder = _corpus.CopyFrom(Corpora.OpenMsx, "songs", Songs);
        var dataset = DatasetPreparer.Prepare(folder, new PrepareOptions { Encoding = DataEncoding.Performance, ValidationFraction = 0.34, Seed = 3 });
        Assert.Equal(2, dataset.Train.Count);
        Assert.Single(dataset.Validation);
        return dataset;
    }

    private static EventRnnRunConfig Config(PreparedDataset data, long steps, bool conditional = true, int every = 5, double dropout = 0, int transpose = 0) =>
        EventRnnTrainer.NewRunConfig(data, "tiny", conditional, steps, batch: 4, sequenceLength: 32, learningRate: 0.01, seed: 11, device: "cpu",
            validationEvery: every, checkpointEvery: every, dropout: dropout, transpose: transpose);

    [Fact]
    public void ValidationLossFallsBelowUniformAndFromItsFirstMeasurement()
    {
        var data = Dataset();
        var run = _corpus.Path("run");
        var metrics = EventRnnTrainer.Train(data, Config(data, 40, every: 10), run, resume: false);
        Assert.Equal(40, metrics.Step);
        Assert.Equal(4, metrics.History.Count);
        var first = metrics.History[0].ValidationLoss!.Value;
        var last = metrics.History[^1].ValidationLoss!.Value;
        Assert.True(last < first, $"validation loss went from {first} to {last}");
        Assert.True(last < Math.Log(388), $"validation loss {last} is no better than uniform over 388 tokens");
        Assert.True(metrics.History[^1].TrainLoss < metrics.History[0].TrainLoss);
        Assert.True(File.Exists(Path.Combine(run, EventRnnTrainer.CheckpointFileName)));
        Assert.Contains("<polyline", File.ReadAllText(Path.Combine(run, EventRnnTrainer.LossCurveFileName)));
        Assert.NotNull(EventRnnMetrics.TryLoad(run));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.3, 5)] // dropout's masks and the transpositions must come back the same after a resume too
    public void ResumedRunMatchesTheUninterruptedRun(double dropout, int transpose)
    {
        var data = Dataset();
        var straight = _corpus.Path("straight");
        var split = _corpus.Path("split");
        EventRnnTrainer.Train(data, Config(data, 12, every: 6, dropout: dropout, transpose: transpose), straight, resume: false);
        EventRnnTrainer.Train(data, Config(data, 6, every: 6, dropout: dropout, transpose: transpose), split, resume: false);
        Assert.Throws<EuterpeException>(() => EventRnnTrainer.Train(data, Config(data, 12, every: 6, dropout: dropout, transpose: transpose), split, resume: false));
        var resumed = EventRnnTrainer.Train(data, Config(data, 12, every: 6, dropout: dropout, transpose: transpose), split, resume: true);
        Assert.Equal(12, resumed.Step);
        Assert.Equal(2, resumed.History.Count);

        var (a, metaA) = Safetensors.Load(Path.Combine(straight, EventRnnTrainer.CheckpointFileName));
        var (b, metaB) = Safetensors.Load(Path.Combine(split, EventRnnTrainer.CheckpointFileName));
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
    public void ResumeWithoutCheckpointAndUnknownConfigAreOneLineErrors()
    {
        var data = Dataset();
        var e = Assert.Throws<EuterpeException>(() => EventRnnTrainer.Train(data, Config(data, 2), _corpus.Path("none"), resume: true));
        Assert.Contains("nothing to resume", e.Message);
        var c = Assert.Throws<EuterpeException>(() => EventRnnTrainer.NewRunConfig(data, "huge", false, 1, 1, 8, 1e-3, 0, "cpu", 1, 1));
        Assert.StartsWith("--config: unknown configuration 'huge'", c.Message);
        Assert.DoesNotContain('\n', c.Message);
    }
}

using Euterpe.Core.Encoding;
using Euterpe.Core.Families.Dcrnn;
using Euterpe.Training.Data;
using Euterpe.Training.Families.Dcrnn;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.Dcrnn;

/// <summary>
/// The DCRNN on clips of two OpenMSX songs: the generator's shapes and its theme (one bar of structure repeated over
/// four: RNN_b hears the same structure in every bar), the real clips on the sixteenth grid against mido's notes, the
/// penalty's definition, both losses moving and --resume continuing exactly.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class DcrnnTrainerTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-dcrnn-");
    private PianoRollDataset? _data;

    public void Dispose()
    {
        _data?.Dispose();
        _folder.Dispose();
    }

    private (DcrnnBatches Batches, string Music) Data()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        foreach (var song in new[] { "coconut_run2.mid", "say_what_redfarn.mid" })
            File.Copy(Path.Combine(Corpora.OpenMsx, song), Path.Combine(music, song));
        _data = PianoRollDataset.Open(music, 0, 3);
        return (new DcrnnBatches(_data.Train, 3), music);
    }

    private static DcrnnRunConfig Config(string data, long steps) => DcrnnTrainer.NewRunConfig(data, new DcrnnRunConfig
    {
        Batch = 2, CriticSteps = 2, Steps = steps, Seed = 5, ValidationEvery = 1, CheckpointEvery = 1, NoteHidden = 32, StructureHidden = 16, Structure = 8,
    });

    [Fact]
    public void The_generator_writes_rolls_in_the_unit_range_from_a_theme_that_repeats_every_bar()
    {
        torch.manual_seed(1);
        using var generator = new DcrnnGenerator(new DcrnnRunConfig());
        using var scope = torch.NewDisposeScope();
        var histogram = torch.full(3, DcrnnGrid.PitchClasses, 1.0 / 12);
        var rolls = generator.Rolls(torch.randn(3, 32), histogram);
        Assert.Equal(new long[] { 3, DcrnnGrid.Steps, PianoRollEncoding.Pitches }, rolls.shape);
        Assert.All(TensorAssert.Values<float>(rolls), v => Assert.InRange(v, 0f, 1f));
        // The same z at every theme beat, four beats, each sixteenth of a bar hearing its beat's vector.
        Assert.Equal(new long[] { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 0 }, DcrnnGrid.ThemeBeatOfStep()[..17]);
        Assert.Equal(64, DcrnnGrid.ThemeBeatOfStep().Length);
        // Another z another roll; the histogram is heard too.
        var z = torch.randn(1, 32);
        var a = TensorAssert.Values<float>(generator.Rolls(z, histogram[..1]));
        var b = TensorAssert.Values<float>(generator.Rolls(torch.randn(1, 32), histogram[..1]));
        var majorC = torch.tensor(new float[] { 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1 }, new long[] { 1, 12 }) / 7;
        var c = TensorAssert.Values<float>(generator.Rolls(z, majorC));
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Real_clips_on_the_sixteenth_grid_hold_the_loudest_of_six_cells_and_their_pitch_classes()
    {
        var cells = new byte[PianoRollEncoding.CellsPerClip];
        // A note at pitch 60 on cache steps 7..12 (sixteenths 1 and 2, velocity 100) and pitch 67 at step 383 (the last sixteenth).
        for (var s = 7; s < 13; s++) cells[s * 128 + 60] = 100;
        cells[383 * 128 + 67] = 127;
        var roll = new float[DcrnnBatches.CellsPerClip];
        DcrnnBatches.Downsample(cells, roll);
        Assert.Equal(100 / 127f, roll[1 * 128 + 60]);
        Assert.Equal(100 / 127f, roll[2 * 128 + 60]);
        Assert.Equal(1f, roll[63 * 128 + 67]);
        Assert.Equal(3, roll.Count(v => v > 0));
        var histogram = new float[12];
        DcrnnBatches.Histogram(roll, histogram);
        Assert.Equal(2f / 3f, histogram[0]);
        Assert.Equal(1f / 3f, histogram[7]);
    }

    [Fact]
    public void The_penalty_of_a_critic_whose_gradient_is_zero_is_one()
    {
        torch.manual_seed(3);
        using var critic = new DcrnnCritic();
        using (torch.no_grad())
            foreach (var (name, p) in critic.named_parameters())
                if (name != "score.bias") p.zero_();
        var real = torch.rand(3, 64, 128);
        var fake = torch.rand(3, 64, 128);
        Assert.Equal(1.0, DcrnnTrainer.Penalty(critic, real, fake, torch.full(3, 12, 1.0 / 12), torch.rand(3, 1, 1)).item<float>(), 5);
    }

    [Fact]
    public void Both_losses_move_and_resume_continues_exactly()
    {
        var (batches, music) = Data();
        var straight = _folder.Path("straight");
        var metrics = DcrnnTrainer.Train(batches, 0, Config(music, 3), straight, resume: false);
        Assert.Equal([1, 2, 3], metrics.History.Select(p => p.Step));
        Assert.All(metrics.History, p => Assert.True(double.IsFinite(p.CriticLoss) && double.IsFinite(p.GeneratorLoss)));
        Assert.NotEqual(metrics.History[0].CriticLoss, metrics.History[^1].CriticLoss);
        Assert.NotEqual(metrics.History[0].GeneratorLoss, metrics.History[^1].GeneratorLoss);
        Assert.All(metrics.History, p => Assert.InRange(p.RealOnShare, 0.001, 0.2));
        Assert.True(File.Exists(Path.Combine(straight, "loss.svg")));

        var split = _folder.Path("split");
        DcrnnTrainer.Train(batches, 0, Config(music, 1), split, resume: false);
        var resumed = DcrnnTrainer.Train(batches, 0, Config(music, 3), split, resume: true);
        var (a, _, _) = DcrnnExporter.LoadRun(straight);
        var (b, _, _) = DcrnnExporter.LoadRun(split);
        using (a)
        using (b)
        {
            var weights = b.state_dict();
            foreach (var (name, tensor) in a.state_dict())
                Assert.True(TensorAssert.Values<float>(tensor.to_type(torch.ScalarType.Float32)).SequenceEqual(TensorAssert.Values<float>(weights[name].to_type(torch.ScalarType.Float32))),
                    $"{name} differs after resuming");
        }
        Assert.Equal(DcrnnMetrics.TryLoad(straight)!.History, resumed.History);
    }
}

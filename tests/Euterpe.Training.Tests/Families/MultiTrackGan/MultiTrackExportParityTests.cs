using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.MultiTrackGan;
using Euterpe.Core.Families.PianoRollGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.MultiTrackGan;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.MultiTrackGan;

/// <summary>
/// The exported multi-track generator, run in ONNX Runtime, gives for the same z what the TorchSharp generator in
/// eval mode gives (batch norm from moved running statistics, self-attention with a gate moved off 0): within 1e-4.
/// And a trained run exported as a preset plays through the family: the same seed the same notes, in time order, on
/// the tracks' channels.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class MultiTrackExportParityTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-wgan-gp-export-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void OnnxRuntime_gives_the_clip_libtorch_gives_for_the_same_z()
    {
        torch.manual_seed(7);
        using var generator = new MultiTrackGenerator(32);
        // A few passes in training mode move the batch-norm statistics, and a gate of 0 would hide the attention.
        generator.train();
        using (torch.no_grad())
        {
            generator.attention.gamma.fill_(0.7);
            for (var i = 0; i < 3; i++) using (torch.NewDisposeScope()) generator.Clips(torch.randn(4, 32));
        }
        generator.eval();
        Assert.True(TensorAssert.Values<float>(generator.bn2.running_mean!).Any(v => Math.Abs(v) > 1e-3), "the statistics did not move");

        var onnx = MultiTrackOnnxGraph.Build(generator);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        using var model = new OnnxClipModel(session, MultiTrackOnnxGraph.LatentInput, MultiTrackOnnxGraph.ClipOutput,
            [MultiTrackEncoding.Tracks, MultiTrackEncoding.Steps, MultiTrackEncoding.Pitches]);
        var clip = new float[MultiTrackEncoding.CellsPerClip];
        var z = new float[32];
        for (var seed = 1UL; seed <= 3; seed++)
        {
            new RandomSource(seed).FillGaussian(z);
            float[] expected;
            using (torch.no_grad())
            using (torch.NewDisposeScope())
                expected = TensorAssert.Values<float>(generator.Clips(torch.tensor(z, new long[] { 1, 32 })));
            model.Run(z, clip);
            var worst = expected.Zip(clip, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-4, $"seed {seed}: largest difference {worst:E2}");
            Assert.Contains(clip, v => v is > 0.01f and < 0.99f);
        }
    }

    [Fact]
    public void An_exported_run_plays_the_same_notes_for_a_seed_on_the_tracks_channels()
    {
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        File.Copy(MultiTrackTrainerTests.MmaSong, Path.Combine(music, "bossa.mid"));
        var run = _folder.Path("run");
        using (var data = Euterpe.Training.Data.MultiTrackDataset.Open(music, 0, 1))
            MultiTrackTrainer.Train(new MultiTrackBatches(data.Train, 1), null,
                MultiTrackTrainer.NewRunConfig(music, new MultiTrackRunConfig { Batch = 2, Steps = 1, CriticSteps = 1, Seed = 1, Latent = 16 }), run, resume: false);
        var folder = _folder.Path("preset");
        var manifest = MultiTrackExporter.Export(run, folder, "test-wgan-gp");
        Assert.Equal("wgan-gp", manifest.Family);
        Assert.Equal((4, 16, 128, 0.9, 16), (manifest.PianoRoll!.StepsPerBeat, manifest.PianoRoll.BeatsPerClip, manifest.PianoRoll.Pitches, manifest.PianoRoll.Threshold, manifest.PianoRoll.Latent));
        Assert.Equal(17, manifest.PianoRoll.Tracks!.Count);
        Assert.Equal(("Drums", 9), (manifest.PianoRoll.Tracks[0].Name, manifest.PianoRoll.Tracks[0].Channel));
        Assert.Equal(("Bass", 32, 4), (manifest.PianoRoll.Tracks[5].Name, manifest.PianoRoll.Tracks[5].Program, manifest.PianoRoll.Tracks[5].Channel));

        var (preset, family) = ModelFamilies.Open(folder);
        Assert.Same(MultiTrackGanFamily.Instance, family);
        List<ModelNoteEvent> Play(ulong seed)
        {
            using var generator = family.OpenNotes(preset);
            Assert.Equal(4, generator.GridBeats);
            // An untrained generator sits near 0.5: read it low so that it plays.
            generator.SteerThreshold(0.5 / 0.9);
            generator.Reset(seed);
            var events = new ModelNoteEvent[generator.MaxEventsPerStep];
            var all = new List<ModelNoteEvent>();
            for (var clip = 0; clip < 2; clip++)
            {
                var n = generator.Step(events);
                Assert.Equal(16.0 * (clip + 1), generator.Time);
                Assert.All(events[..n], e => Assert.InRange(e.Time, 16.0 * clip, 16.0 * (clip + 1)));
                all.AddRange(events[..n]);
            }
            return all;
        }
        var a = Play(4);
        Assert.NotEmpty(a);
        Assert.Equal(a, Play(4));
        Assert.NotEqual(a, Play(5));
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First.Time <= p.Second.Time), "events out of time order");
        Assert.Equal(a.Count(e => e.IsNoteOn), a.Count(e => !e.IsNoteOn));
        Assert.All(a, e => Assert.Contains(e.Channel, manifest.PianoRoll.Tracks.Select(t => t.Channel)));
        Assert.True(a.Select(e => e.Channel).Distinct().Count() > 1, "one channel only");
    }
}

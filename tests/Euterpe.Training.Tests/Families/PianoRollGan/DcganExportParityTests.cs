using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.PianoRollGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.PianoRollGan;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.PianoRollGan;

/// <summary>
/// The exported generator, run in ONNX Runtime, gives for the same z what the TorchSharp generator in eval mode gives
/// (batch norm from running statistics that training moved off 0 and 1): within 1e-4. And a trained run exported as a
/// preset plays through the family: the same seed the same notes, in time order, clips laid end to end.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class DcganExportParityTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-dcgan-export-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void OnnxRuntime_gives_the_clip_libtorch_gives_for_the_same_z()
    {
        torch.manual_seed(7);
        using var generator = new DcganGenerator(100);
        // A few passes in training mode move the batch-norm statistics, so the export must carry them.
        generator.train();
        using (torch.no_grad())
            for (var i = 0; i < 3; i++) using (torch.NewDisposeScope()) generator.Rolls(torch.randn(4, 100));
        generator.eval();
        Assert.True(TensorAssert.Values<float>(generator.bn1.running_mean!).Any(v => Math.Abs(v) > 1e-3), "the statistics did not move");

        var onnx = DcganOnnxGraph.Build(generator);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        using var model = new OnnxClipModel(session, DcganOnnxGraph.LatentInput, DcganOnnxGraph.RollOutput);
        var roll = new float[PianoRollEncoding.CellsPerClip];
        var z = new float[100];
        for (var seed = 1UL; seed <= 3; seed++)
        {
            new RandomSource(seed).FillGaussian(z);
            float[] expected;
            using (torch.no_grad())
            using (torch.NewDisposeScope())
                expected = TensorAssert.Values<float>(generator.Rolls(torch.tensor(z, new long[] { 1, 100 })));
            model.Run(z, roll);
            var worst = expected.Zip(roll, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-4, $"seed {seed}: largest difference {worst:E2}");
            // Not a trivial clip: values inside the range, not all clipped.
            Assert.Contains(roll, v => v is > 0 and < 1);
        }
    }

    [Fact]
    public void An_exported_run_plays_the_same_notes_for_a_seed_a_clip_a_step()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        File.Copy(Path.Combine(Corpora.OpenMsx, "coconut_run2.mid"), Path.Combine(music, "coconut_run2.mid"));
        var run = _folder.Path("run");
        using (var data = Euterpe.Training.Data.PianoRollDataset.Open(music, 0, 1))
            DcganTrainer.Train(new DcganBatches(data.Train, 1), 0, DcganTrainer.NewRunConfig(music, new DcganRunConfig { Batch = 2, Steps = 2, Seed = 1, Threshold = 0.1 }), run, resume: false);
        var folder = _folder.Path("preset");
        var manifest = DcganExporter.Export(run, folder, "test-dcgan");
        Assert.Equal("dcgan", manifest.Family);
        Assert.Equal((24, 16, 128, 0.1, 100), (manifest.PianoRoll!.StepsPerBeat, manifest.PianoRoll.BeatsPerClip, manifest.PianoRoll.Pitches, manifest.PianoRoll.Threshold, manifest.PianoRoll.Latent));

        var (preset, family) = ModelFamilies.Open(folder);
        Assert.Same(PianoRollGanFamily.Instance, family);
        List<ModelNoteEvent> Play(ulong seed)
        {
            using var generator = family.OpenNotes(preset);
            Assert.Equal(4, generator.GridBeats);
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
        // In time order, every note on closed by its off.
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First.Time <= p.Second.Time), "events out of time order");
        Assert.Equal(a.Count(e => e.IsNoteOn), a.Count(e => !e.IsNoteOn));
        var notes = family.GenerateNotes(preset, new GenerationRequest { Seconds = 10, Seed = 4, Tempo = 120 });
        Assert.NotEmpty(notes.Notes);
        Assert.All(notes.Notes, n => Assert.True(n.StartSeconds < 10));
    }
}

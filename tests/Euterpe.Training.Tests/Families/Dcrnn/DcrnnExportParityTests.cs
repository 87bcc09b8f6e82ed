using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.Dcrnn;
using Euterpe.Core.Generation;
using Euterpe.Core.Runtime;
using Euterpe.Training.Families.Dcrnn;
using Euterpe.Training.Tests.Data;
using Euterpe.Training.Tests.Torch;
using TorchSharp;

namespace Euterpe.Training.Tests.Families.Dcrnn;

/// <summary>
/// The exported DCRNN generator, run in ONNX Runtime, gives for the same z and histogram what the TorchSharp one gives
/// (each sixteenth held for six cache steps): within 1e-4. And a trained run exported as a preset plays through the
/// family: the same seed the same notes; a form ABCAB plays A's clip again at position 4; morph 0 plays the first z,
/// morph 1 the next clip's.
/// </summary>
[Collection(Runs.SeededTrainingCollection.Name)]
public sealed class DcrnnExportParityTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-dcrnn-export-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void OnnxRuntime_gives_the_clip_libtorch_gives_for_the_same_z_and_histogram()
    {
        torch.manual_seed(7);
        using var generator = new DcrnnGenerator(new DcrnnRunConfig());
        generator.eval();
        var onnx = DcrnnOnnxGraph.Build(generator);
        using var session = InferenceSession.FromBytes(onnx.ToByteArray());
        using var model = new DcrnnClipModel(session, DcrnnOnnxGraph.LatentInput, DcrnnOnnxGraph.HistogramInput, DcrnnOnnxGraph.RollOutput);
        var roll = new float[PianoRollEncoding.CellsPerClip];
        var z = new float[32];
        var histogram = new float[12];
        for (var seed = 1UL; seed <= 3; seed++)
        {
            var random = new RandomSource(seed);
            random.FillGaussian(z);
            for (var i = 0; i < 12; i++) histogram[i] = (float)random.NextDouble();
            var sum = histogram.Sum();
            for (var i = 0; i < 12; i++) histogram[i] /= sum;
            float[] expected;
            using (torch.no_grad())
            using (torch.NewDisposeScope())
                expected = TensorAssert.Values<float>(generator.Rolls(torch.tensor(z, new long[] { 1, 32 }), torch.tensor(histogram, new long[] { 1, 12 })));
            model.Run(z, histogram, roll);
            var worst = 0.0;
            for (var step = 0; step < PianoRollEncoding.Steps; step++)
            for (var p = 0; p < 128; p++)
                worst = Math.Max(worst, Math.Abs(expected[step / DcrnnGrid.Upsample * 128 + p] - roll[step * 128 + p]));
            Assert.True(worst <= 1e-4, $"seed {seed}: largest difference {worst:E2}");
            Assert.Contains(roll, v => v is > 0.01f and < 0.99f);
        }
    }

    [Fact]
    public void An_exported_run_plays_forms_and_morphs_as_their_z_say()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        File.Copy(Path.Combine(Corpora.OpenMsx, "coconut_run2.mid"), Path.Combine(music, "coconut_run2.mid"));
        var run = _folder.Path("run");
        using (var data = Euterpe.Training.Data.PianoRollDataset.Open(music, 0, 1))
            DcrnnTrainer.Train(new DcrnnBatches(data.Train, 1), 0, DcrnnTrainer.NewRunConfig(music, new DcrnnRunConfig { Batch = 2, Steps = 2, CriticSteps = 1, Seed = 1, Threshold = 0.5 }), run, resume: false);
        var folder = _folder.Path("preset");
        var manifest = DcrnnExporter.Export(run, folder, "test-dcrnn");
        Assert.Equal("dcrnn", manifest.Family);
        Assert.Equal((24, 16, 128, 0.5, 32), (manifest.PianoRoll!.StepsPerBeat, manifest.PianoRoll.BeatsPerClip, manifest.PianoRoll.Pitches, manifest.PianoRoll.Threshold, manifest.PianoRoll.Latent));

        var (preset, family) = ModelFamilies.Open(folder);
        Assert.Same(DcrnnFamily.Instance, family);
        // Each clip's notes, with times from the clip's start; the threshold at the first clip's median cell so clips have notes.
        List<List<ModelNoteEvent>> Play(ulong seed, string form = "", double morph = 0, int clips = 5, bool newTheme = false)
        {
            using var generator = DcrnnFamily.Open(preset);
            generator.Threshold = 0.5f;
            // The uniform histogram: what z does is the point here (the 2-step model hardly moves under a song's).
            generator.SetKeyHistogram([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
            generator.Form = form.Length == 0 ? [] : DcrnnForm.Parse(form);
            generator.Morph = morph;
            generator.Reset(seed);
            if (newTheme) generator.NewTheme();
            var events = new ModelNoteEvent[generator.MaxEventsPerStep];
            var all = new List<List<ModelNoteEvent>>();
            for (var clip = 0; clip < clips; clip++)
            {
                var n = generator.Step(events);
                all.Add([.. events[..n].ToArray().Select(e => e with { Time = e.Time - 16.0 * clip })]);
            }
            return all;
        }
        var plain = Play(4);
        Assert.All(plain, clip => Assert.NotEmpty(clip));
        Assert.Equal(plain, Play(4));
        Assert.NotEqual(plain[0], plain[1]);
        // ABCAB: A is the seed's first z (the plain run's first clip), B its second, C its third; position 4 plays A again.
        var form = Play(4, "ABCAB");
        Assert.Equal(plain[0], form[0]);
        Assert.Equal(plain[1], form[1]);
        Assert.Equal(plain[2], form[2]);
        Assert.Equal(form[0], form[3]);
        Assert.Equal(form[1], form[4]);
        // Morph 0 plays each clip's own z, morph 1 the next one's; the middle is neither.
        Assert.Equal(plain, Play(4, morph: 0));
        var whole = Play(4, morph: 1, clips: 4);
        Assert.Equal(plain[1..], whole);
        var half = Play(4, morph: 0.5, clips: 1);
        Assert.NotEqual(plain[0], half[0]);
        Assert.NotEqual(plain[1], half[0]);
        // With a form, morph 1 plays the next letter's clip: A→B, B→C, C→A.
        var formWhole = Play(4, "ABC", 1, 3);
        Assert.Equal([plain[1], plain[2], plain[0]], formWhole);

        // New Theme: the next clip (with a form, its letter) gets a fresh z; the seed's other clips stay.
        var fresh = Play(4, clips: 2, newTheme: true);
        Assert.NotEqual(plain[0], fresh[0]);
        Assert.Equal(plain[1], fresh[1]);
        var freshForm = Play(4, "ABA", clips: 3, newTheme: true);
        Assert.NotEqual(plain[0], freshForm[0]);
        Assert.Equal(freshForm[0], freshForm[2]);
        Assert.Equal(plain[1], freshForm[1]);

        // generate: the same through the family's request, --form refused when it is not letters.
        var notes = family.GenerateNotes(preset, new GenerationRequest { Seconds = 10, Seed = 4, Tempo = 120, Form = "ABCAB", Morph = 0.25 });
        Assert.All(notes.Notes, n => Assert.True(n.StartSeconds < 10));
        var e = Assert.Throws<Core.EuterpeException>(() => family.GenerateNotes(preset, new GenerationRequest { Seconds = 10, Form = "A-B" }));
        Assert.StartsWith("--form: ", e.Message);
        e = Assert.Throws<Core.EuterpeException>(() => family.GenerateNotes(preset, new GenerationRequest { Seconds = 10, Morph = 1.5 }));
        Assert.StartsWith("--morph: ", e.Message);
    }
}

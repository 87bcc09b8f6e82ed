using Euterpe.Core;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Plugin.Tests.Generation;

public class GeneratorFactoryTests
{
    [Fact]
    public void APresetOfAnotherRepresentationSaysItIsNotPlayableYet()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"euterpe-roll-{Guid.NewGuid():N}")).FullName;
        try
        {
            new ModelManifest
            {
                Id = "roll-test", DisplayName = "Roll", Family = ModelFamilies.DcGanPianoRoll, Representation = Representations.PianoRoll,
                Io = new ManifestIo { NoiseInput = new ManifestTensor { Name = "z" }, SampleOutput = new ManifestTensor { Name = "roll" } },
            }.Save(Path.Combine(folder, PresetDirectory.ManifestFileName));
            var e = Assert.Throws<EuterpeException>(() => GeneratorFactory.Open(folder));
            Assert.Equal($"{Path.Combine(folder, PresetDirectory.ManifestFileName)}: representation \"piano-roll\" (family \"dcgan-pianoroll\") is not playable by the instrument yet; it plays \"performance-events\" token models and n-gram melodies", e.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void TheShippedNGramPresetPlaysTheMelodyGenerateDrawsForTheSameSeed()
    {
        var folder = ShippedPreset("ngram-openmsx");
        using var generator = GeneratorFactory.Open(folder);
        Assert.Equal(ModelTimeUnit.Beats, generator.TimeUnit);
        var preset = NGramPreset.Open(folder);
        const int Notes = 200;
        const ulong Seed = 7;
        // The batch path (lists of the whole history) that `euterpe generate` uses, on a second copy of the model.
        var (pitches, durations) = preset.Model.Generate(Notes, Seed, 0.9);

        generator.Reset(Seed);
        generator.SetSampling(new SamplingOptions(0.9f));
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        double beat = 0;
        var sounding = 0;
        for (var i = 0; i < Notes; i++)
        {
            var count = generator.Step(events);
            var length = preset.Encoding.DurationSteps[durations[i]] / (double)preset.Encoding.StepsPerBeat;
            if (pitches[i] == preset.Encoding.RestPitchToken) Assert.Equal(0, count);
            else
            {
                Assert.Equal(2, count);
                Assert.Equal(new ModelNoteEvent(true, preset.Encoding.MinPitch + pitches[i], preset.Encoding.Velocity, beat), events[0]);
                Assert.Equal(new ModelNoteEvent(false, preset.Encoding.MinPitch + pitches[i], 0, beat + length), events[1]);
                sounding++;
            }
            beat += length;
            Assert.Equal(beat, generator.Time, 9);
        }
        Assert.True(sounding > Notes / 2, $"only {sounding} of {Notes} steps sounded");

        // Steady state draws allocate nothing (the worker thread must not trigger collections).
        for (var i = 0; i < 50; i++) generator.Step(events);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2000; i++) generator.Step(events);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ABrokenNGramModelFileIsOneClearErrorNamingIt()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"euterpe-ngram-{Guid.NewGuid():N}")).FullName;
        try
        {
            var shipped = ShippedPreset("ngram-openmsx");
            File.Copy(Path.Combine(shipped, "manifest.json"), Path.Combine(folder, "manifest.json"));
            File.WriteAllText(Path.Combine(folder, "model.json"), "{\"formatVersion\": 1, \"pitches\": ");
            var e = Assert.Throws<EuterpeException>(() => GeneratorFactory.Open(folder));
            Assert.StartsWith($"{Path.Combine(folder, "model.json")}: not a valid n-gram model", e.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string ShippedPreset(string name) => Path.Combine(RepositoryRoot.Find(), "presets", name);

    [Fact]
    public void AVocabularyThatDisagreesWithItsEncodingIsRefused()
    {
        var manifest = ModelManifest.Parse(File.ReadAllText(Path.Combine(TestPresets.Folder, "good", PresetDirectory.ManifestFileName)));
        manifest.Vocabulary!.Size += 1;
        var e = Assert.Throws<EuterpeException>(() => TokenModelManifests.PerformanceEncoding(manifest, "m.json"));
        Assert.Equal($"m.json: vocabulary size {TestPresets.Encoding.VocabularySize + 1} does not match its performance encoding ({TestPresets.Encoding.VocabularySize} tokens)", e.Message);
    }
}

using Euterpe.Core;
using Euterpe.Core.Families;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Tests.Generation;

public class ModelFamilyTests
{
    [Fact]
    public void APresetOfAFamilyEuterpeDoesNotPlayIsOneLineNamingTheOnesItDoes()
    {
        using var temp = new TempFolder("euterpe-roll-");
        var folder = temp.Root;
        new ModelManifest
        {
            Id = "roll-test", DisplayName = "Roll", Family = "dcgan-pianoroll", Representation = Representations.FftFrames,
            Io = new ManifestIo { FrameInput = new ManifestTensor { Name = "z" }, FrameOutput = new ManifestTensor { Name = "roll" } },
            Audio = new ManifestAudio { SampleRate = 16000, FrameLayout = "gruv", FrameSize = 8, Hop = 8 },
        }.Save(Path.Combine(folder, Preset.ManifestFileName));
        var e = Assert.Throws<EuterpeException>(() => ModelFamilies.Open(folder));
        Assert.Equal($"{Path.Combine(folder, Preset.ManifestFileName)}: family \"dcgan-pianoroll\" is not one Euterpe plays (known: {string.Join(", ", ModelFamilies.Names)})", e.Message);
        Assert.StartsWith("event-rnn, conditional-event-rnn, ngram, fft-lstm, char-rnn", string.Join(", ", ModelFamilies.Names));
    }

    [Fact]
    public void TheNGramGeneratorDrawsPitchThenDurationFromOneSeededSourceAndAllocatesNothing()
    {
        var (preset, family) = ModelFamilies.Open(ShippedPreset("ngram-openmsx"));
        using var generator = (NGramGenerator)family.OpenNotes(preset);
        Assert.Equal(ModelTimeUnit.Beats, generator.TimeUnit);
        var encoding = generator.Encoding;
        var model = NGramNoteModel.Load(preset.FilePath(NGramManifest.ModelFileName));
        const ulong Seed = 7;
        const double Temperature = 0.9;
        var random = new RandomSource(Seed);
        var pitches = new List<int>();
        var durations = new List<int>();

        generator.Reset(Seed);
        generator.SetSampling(new SamplingOptions((float)Temperature));
        // The reference: the key the seed's quantile picks, then the model's own draws from one source: per note pitch,
        // duration and velocity.
        var shift = MelodyKey.ShiftFromC(model.DrawTonic(SeedQuantile.Of(Seed)));
        Assert.Equal(shift, generator.Transposition);
        var events = new ModelNoteEvent[generator.MaxEventsPerStep];
        long step = 0;
        int sounding = 0, previousVelocity = 0;
        var velocities = new HashSet<int>();
        // The first phrase (16 beats): no replays yet, and the note that would cross its end is cut, so stop before it.
        while (true)
        {
            var pitch = model.DrawPitch(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pitches), Temperature, random);
            var duration = model.DrawDuration(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(durations), Temperature, random);
            if (step + encoding.DurationSteps[duration] > 16 * encoding.StepsPerBeat) break;
            pitches.Add(pitch);
            durations.Add(duration);
            var count = generator.Step(events);
            var start = step / (double)encoding.StepsPerBeat;
            var onset = step;
            step += encoding.DurationSteps[duration];
            if (pitch == encoding.RestPitchToken) Assert.Equal(0, count);
            else
            {
                var velocity = model.DrawVelocity(NGramNoteModel.Metric(onset, encoding.StepsPerBeat), duration, previousVelocity, Temperature, random, encoding.Velocity);
                previousVelocity = velocity;
                velocities.Add(velocity);
                var midi = encoding.MinPitch + MelodyKey.Move(pitch, shift, encoding.PitchVocabularySize - 1);
                Assert.Equal(2, count);
                Assert.Equal(new ModelNoteEvent(true, midi, velocity, start), events[0]);
                Assert.Equal(new ModelNoteEvent(false, midi, 0, step / (double)encoding.StepsPerBeat), events[1]);
                sounding++;
            }
            Assert.Equal(step / (double)encoding.StepsPerBeat, generator.Time, 9);
        }
        Assert.True(sounding >= 8, $"only {sounding} notes in the first phrase");
        Assert.True(velocities.Count > 1, "one velocity for every note");

        // Steady state draws allocate nothing (the worker thread must not trigger collections).
        for (var i = 0; i < 50; i++) generator.Step(events);
        var rounds = ThreadAllocations.Measure(4, _ =>
        {
            for (var i = 0; i < 500; i++) generator.Step(events);
        });
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
    }

    [Fact]
    public void ABrokenNGramModelFileIsOneClearErrorNamingIt()
    {
        using var temp = new TempFolder("euterpe-ngram-");
        var folder = temp.Root;
        var shipped = ShippedPreset("ngram-openmsx");
        File.Copy(Path.Combine(shipped, "manifest.json"), Path.Combine(folder, "manifest.json"));
        File.WriteAllText(Path.Combine(folder, "model.json"), "{\"formatVersion\": 1, \"pitches\": ");
        var (preset, family) = ModelFamilies.Open(folder);
        var e = Assert.Throws<EuterpeException>(() => family.OpenNotes(preset));
        Assert.StartsWith($"{Path.Combine(folder, "model.json")}: not a valid n-gram model", e.Message);
    }

    private static string ShippedPreset(string name) => RepositoryRoot.Combine("presets", name);

    [Fact]
    public void AVocabularyThatDisagreesWithItsEncodingIsRefused()
    {
        var manifest = ModelManifest.Parse(File.ReadAllText(Path.Combine(TestPresets.Folder, "good", Preset.ManifestFileName)));
        manifest.Vocabulary!.Size += 1;
        var e = Assert.Throws<EuterpeException>(() => TokenModelManifests.PerformanceEncoding(manifest, "m.json"));
        Assert.Equal($"m.json: vocabulary size {TestPresets.Encoding.VocabularySize + 1} does not match its performance encoding ({TestPresets.Encoding.VocabularySize} tokens)", e.Message);
    }
}

using Euterpe.Core.Encoding;
using Euterpe.Core.Families;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;
using Euterpe.Training.Data;
using Euterpe.Training.Families.NGram;

namespace Euterpe.Training.Tests.Families.NGram;

/// <summary>
/// What makes the n-gram model sound like its corpus (model format 2): velocities learned from the files, one song's
/// riffs not copied, phrases repeated, and all of it the same for a seed.
/// </summary>
public class NGramCorpusLikenessTests
{
    [Fact]
    public void AFixedAccentPatternOfTheCorpusIsReproduced()
    {
        // Three songs of eighth notes accented by their place in the bar: 112 on a bar's first beat, 90 on the others, 60 between.
        using var dir = new TempFolder("ngram-velocity");
        int[][] tunes = [[60, 62, 64, 65, 67, 65, 64, 62], [67, 65, 64, 62, 60, 62, 64, 67], [64, 64, 65, 67, 67, 65, 64, 62]];
        for (var t = 0; t < tunes.Length; t++)
        {
            var song = new NoteSequence(NoteSequence.DefaultTicksPerQuarter);
            for (var i = 0; i < 96; i++)
                song.AddNote(tunes[t][i % 8], Accent(i * 2), i * 240L, i * 240L + 240);
            MidiFileWriter.Write(song, dir.File($"song{t}.mid"));
        }
        var data = DatasetPreparer.Prepare(dir.Root, new PrepareOptions { ValidationFraction = 0 });
        var (model, _) = NGramTrainer.Train(data, order: 3);
        var generator = new NGramGenerator(model, new NoteEncodingSettings().Create());
        generator.Reset(7);
        var notes = Notes(generator, 64);
        Assert.True(notes.Select(n => n.Velocity).Distinct().Count() >= 3, "velocities are constant");
        // Witten–Bell keeps a little mass for other velocities: nearly every note, not every one, follows the accent.
        var onPattern = notes.Count(n => n.Velocity == Accent((long)Math.Round(n.Start * 4)));
        Assert.True(onPattern >= notes.Count * 9 / 10, $"{onPattern} of {notes.Count} notes have their place's velocity");
    }

    [Fact]
    public void ARiffOfOneSongIsNotCopiedPastTheContextsOtherSongsShare()
    {
        // Song A plays a riff in pitches no other song has; songs B and C share a scale figure.
        int[] riff = [80, 83, 81, 86, 84, 89, 87, 82];
        int[] figure = [60, 62, 64, 65, 67, 65, 64, 62];
        int[] songA = [.. figure, .. riff, .. figure];
        int[] songB = [.. figure, .. figure, .. figure];
        int[] songC = [.. figure, .. figure];
        foreach (var minSongs in new[] { 1, 2 })
        {
            var model = new NGramNoteModel(4, 129, 4);
            model.Pitches.MinDocuments = minSongs;
            model.Pitches.CountSongs = minSongs > 1;
            foreach (var song in new[] { songA, songB, songC }) model.Add(song, new int[song.Length]);
            // Greedy continuation after the riff's first three notes.
            var history = riff[..3].ToList();
            var random = new RandomSource(1);
            for (var i = 0; i < riff.Length - 3; i++)
                history.Add(model.DrawPitch(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(history), 0, random));
            var copied = history.Skip(3).TakeWhile((p, i) => p == riff[3 + i]).Count();
            if (minSongs == 1) Assert.Equal(riff.Length - 3, copied); // without pruning the one song is copied to its end
            else Assert.Equal(0, copied); // its contexts are heard in one song only: the model backs off to what songs share
        }
    }

    [Fact]
    public void TheShippedPresetRepeatsFourBarPhrasesNoteForNote()
    {
        var notes = Shipped(seed: 1, seconds: 120);
        // At 120 bpm a bar of 4/4 is 2 s and a phrase 8 s: (onset from the window's start, pitch, duration) of each window.
        string Window(int bar) => string.Join(';', notes.Where(n => n.StartSeconds >= bar * 2 - 1e-6 && n.StartSeconds < bar * 2 + 8 - 1e-6)
            .Select(n => $"{Math.Round(n.StartSeconds - bar * 2, 3)},{n.Pitch},{Math.Round(n.EndSeconds - n.StartSeconds, 3)}"));
        // A phrase (from a multiple of 4 bars) equal to an earlier 4-bar window that ends by its start.
        var repeats = Enumerable.Range(1, 14).Count(phrase =>
            Window(phrase * 4) is { Length: > 0 } content && Enumerable.Range(0, phrase * 4 - 3).Any(bar => Window(bar) == content));
        Assert.True(repeats >= 1, "no 4-bar phrase repeats earlier music");
    }

    [Fact]
    public void TheShippedPresetIsTheSameForASeedAndDiffersAcrossSeeds()
    {
        var a = Shipped(seed: 4, seconds: 30);
        var b = Shipped(seed: 4, seconds: 30);
        var c = Shipped(seed: 5, seconds: 30);
        Assert.Equal(a.Select(Key), b.Select(Key));
        Assert.NotEqual(a.Select(Key), c.Select(Key));
        Assert.True(a.Select(n => n.Velocity).Distinct().Count() > 1, "the shipped preset plays one velocity");
    }

    private static string Key(Note n) => $"{n.Pitch} {n.Velocity} {n.StartTick} {n.EndTick}";

    private static int Accent(long step) => step % 16 == 0 ? 112 : step % 4 == 0 ? 90 : 60;

    private static List<Note> Shipped(ulong seed, double seconds)
    {
        var (preset, family) = ModelFamilies.Open(RepositoryRoot.Combine("presets", "ngram-openmsx"));
        return [.. family.GenerateNotes(preset, new GenerationRequest { Seconds = seconds, Seed = seed }).Notes.OrderBy(n => n.StartTick)];
    }

    private static List<(int Pitch, int Velocity, double Start)> Notes(NGramGenerator generator, int count)
    {
        var result = new List<(int, int, double)>();
        Span<ModelNoteEvent> events = stackalloc ModelNoteEvent[generator.MaxEventsPerStep];
        while (result.Count < count)
        {
            var n = generator.Step(events);
            for (var k = 0; k < n; k++) if (events[k].IsNoteOn) result.Add((events[k].Pitch, events[k].Velocity, events[k].Time));
        }
        return result;
    }
}

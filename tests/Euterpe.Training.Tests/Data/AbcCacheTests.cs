using System.Globalization;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Music;
using Euterpe.Training.Data;

namespace Euterpe.Training.Tests.Data;

/// <summary>
/// data prepare --encoding abc on real music: OpenMSX songs and an abcmidi example become <c>[0, body…, 0]</c> pieces over
/// the 37 ABC characters, and a body read back by an independent ABC implementation (abc2midi, then mido) plays the
/// plain melody it was written from.
/// </summary>
public sealed class AbcCacheTests : IDisposable
{
    private static readonly string[] Songs = ["coconut_run2.mid", "train_filled_with_cash.mid", "ultimate_run.mid"];
    private const string AbcExample = "coleraine.abc";
    // abc2midi starts every note one tick (of 480 a beat) late; a sixteenth is 0.25 beats, so this cannot hide a wrong length.
    private const double Tick = 0.0025;
    private readonly TempFolder _temp = new("euterpe-abc-cache-");

    public void Dispose() => _temp.Dispose();

    private (string Corpus, PreparedDataset Read) Prepared()
    {
        Corpora.RequireOpenMsx();
        var corpus = _temp.CopyFrom(Corpora.OpenMsx, "corpus", Songs);
        File.Copy(Path.Combine(Corpora.AbcExamples, AbcExample), Path.Combine(corpus, AbcExample));
        var cache = _temp.Path("cache");
        CacheWriter.Prepare(corpus, new PrepareOptions { Encoding = DataEncoding.Abc, ValidationFraction = 0.25, Seed = 2 }, cache);
        return (corpus, PreparedCache.Open(cache));
    }

    [Fact]
    public void PiecesAreTheBodiesOfTheirPlainMelodiesBetweenTuneEdges()
    {
        var (corpus, read) = Prepared();
        Assert.Equal("abc", read.Manifest.Encoding);
        Assert.Equal(DataEncoding.Abc, read.Encoding);
        Assert.Equal(AbcCharacterEncoding.VocabularySize, read.Manifest.VocabularySize);
        Assert.Equal(37, read.Manifest.VocabularySize);
        Assert.Equal(ConditioningFeatures.Length, read.Manifest.FeatureLength);
        Assert.Empty(read.Skipped);
        var pieces = read.Train.Concat(read.Validation).ToList();
        Assert.Equal(Songs.Length + 1, pieces.Count);
        Assert.Single(read.Validation);
        Assert.Contains(pieces, p => p.Name.StartsWith(AbcExample + "#", StringComparison.Ordinal));
        foreach (var piece in pieces)
        {
            Assert.Equal(AbcCharacterEncoding.TuneEdge, piece.Tokens[0]);
            Assert.Equal(AbcCharacterEncoding.TuneEdge, piece.Tokens[^1]);
            Assert.DoesNotContain(AbcCharacterEncoding.TuneEdge, piece.Tokens[1..^1]);
            Assert.True(piece.Tokens.Length > 100, $"{piece.Name}: only {piece.Tokens.Length} tokens");
            var sequence = MusicFiles.Load(Path.Combine(corpus, piece.File))[0].Sequence;
            var melody = AbcCharacterEncoding.PlainMelody(sequence);
            Assert.Equal(AbcCharacterEncoding.BodyOf(melody), AbcCharacterEncoding.Decode(piece.Tokens));
            Assert.Equal(ConditioningFeatures.Compute(melody).ToArray(), piece.Features);
        }
    }

    [Fact]
    public void Abc2MidiPlaysTheCachedTextAsThePlainMelody()
    {
        var (corpus, read) = Prepared();
        var checkedSongs = 0;
        foreach (var piece in read.Train.Concat(read.Validation).Where(p => p.File.EndsWith(".mid", StringComparison.Ordinal)))
        {
            var melody = AbcCharacterEncoding.PlainMelody(MusicFiles.Load(Path.Combine(corpus, piece.File))[0].Sequence);
            var ppq = (double)melody.TicksPerQuarter;
            var expected = melody.Notes.Select(n => (n.Pitch, Start: n.StartTick / ppq, Duration: (n.EndTick - n.StartTick) / ppq)).OrderBy(n => n.Start).ToList();
            var actual = Abc2Midi(AbcCharacterEncoding.Tune(AbcCharacterEncoding.Decode(piece.Tokens)));
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].Pitch == actual[i].Pitch, $"{piece.Name} note {i}: pitch {actual[i].Pitch}, expected {expected[i].Pitch}");
                Assert.True(Math.Abs(expected[i].Start - actual[i].Start) <= Tick, $"{piece.Name} note {i}: starts at beat {actual[i].Start}, expected {expected[i].Start}");
                Assert.True(Math.Abs(expected[i].Duration - actual[i].Duration) <= Tick, $"{piece.Name} note {i}: lasts {actual[i].Duration} beats, expected {expected[i].Duration}");
            }
            checkedSongs++;
        }
        Assert.Equal(Songs.Length, checkedSongs);
    }

    /// <summary>The notes abc2midi renders a tune as, read by mido: pitch, start and length in beats (the tune is at 120 BPM).</summary>
    private List<(int Pitch, double Start, double Duration)> Abc2Midi(string tune)
    {
        var abc = _temp.Path("tune.abc");
        var midi = _temp.Path("tune.mid");
        File.WriteAllText(abc, tune);
        File.Delete(midi);
        ProcessRunner.Run("abc2midi", [abc, "1", "-NGUI", "-NGRA", "-silent", "-o", midi], timeout: TimeSpan.FromSeconds(30)).EnsureSuccess();
        Assert.True(File.Exists(midi), "abc2midi wrote no MIDI file");
        var csv = PythonRunner.RunScript(PythonRunner.Script("mido_notes.py"), midi).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("track,channel,program,pitch", csv[0]);
        var beatsPerSecond = AbcCharacterEncoding.Bpm / 60;
        return [.. csv.Skip(1).Select(line => line.Split(',')).Select(f =>
        {
            var (start, end) = (double.Parse(f[7], CultureInfo.InvariantCulture), double.Parse(f[8], CultureInfo.InvariantCulture));
            return (int.Parse(f[3], CultureInfo.InvariantCulture), start * beatsPerSecond, (end - start) * beatsPerSecond);
        }).OrderBy(n => n.Item2)];
    }
}

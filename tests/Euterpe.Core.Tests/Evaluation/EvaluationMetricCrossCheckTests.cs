using System.Text.Json;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;
using Euterpe.Core.Tests.Encoding;

namespace Euterpe.Core.Tests.Evaluation;

/// <summary>
/// The per-piece metrics against an independent implementation (evaluation_metrics.py, python3-mido and numpy) on
/// real OpenMSX songs — cropped to their first 60 s, as the quality targets compare them — and on a generated-like
/// file with a 3/4 bar, a tempo change, drums, a unison and a repeated phrase.
/// </summary>
public sealed class EvaluationMetricCrossCheckTests : IDisposable
{
    private const double CropSeconds = 60;

    // Seconds come from ticks in double here and in exact fractions there; nothing else differs.
    private const double Tolerance = 1e-9;

    // Many tempo changes; 3/4 bars; no time signature at all (4/4 by default) and a tempo change after 60 s.
    private static readonly string[] Songs = ["be_sharp_bw_redfarn.mid", "boogi_marabi_redfarn.mid", "chuggachugga.mid"];

    private readonly TempFolder _temp = new("euterpe-evaluation-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MetricsOfRealSongsAndAGeneratedFileMatchAnIndependentImplementation()
    {
        var generated = _temp.File("generated.mid");
        MidiFileWriter.Write(GeneratedLike(), generated);
        string[] files = [.. Songs.Select(s => Path.Combine(MidiCsvCorpus.Directory, s)), generated];

        var expected = JsonDocument.Parse(PythonRunner.RunScript(PythonRunner.Script("evaluation_metrics.py"), ["--seconds", "60", .. files])).RootElement;
        var pieces = files.Select(f => (Name: f, Sequence: NoteSlicer.SliceSeconds(MidiFileReader.Read(f), 0, CropSeconds))).ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            var report = EvaluationReport.Compute([pieces[i]], [.. pieces.Where((_, j) => j != i)]);
            var ours = report.Generated[0];
            var theirs = expected.GetProperty(files[i]);
            var name = Path.GetFileName(files[i]);
            Assert.Equal(theirs.GetProperty("notes").GetInt32(), ours.NoteCount);
            Near(theirs, "medianNoteSeconds", ours.MedianNoteSeconds, name);
            Near(theirs, "noteSeconds90", ours.NoteSeconds90, name);
            Near(theirs, "longNoteShare", ours.LongNoteShare, name);
            Near(theirs, "soundingNotes", ours.SoundingNotes, name);
            Near(theirs, "polyphony", ours.Polyphony, name);
            Near(theirs, "scaleFit", ours.ScaleFit, name);
            Near(theirs, "medianOnsetIntervalSeconds", ours.MedianOnsetIntervalSeconds, name);
            Near(theirs, "onsetIntervalVariation", ours.OnsetIntervalVariation, name);
            Near(theirs, "velocitySpread", ours.VelocitySpread, name);
            Near(theirs, "phraseRepetition", ours.PhraseRepetition, name);
            Near(theirs, "barChromaSimilarity", ours.BarChromaSimilarity, name);
            Assert.Equal(theirs.GetProperty("sharedRunNotes").GetInt32(), ours.SharedRunNotes);
            Assert.Equal(theirs.GetProperty("sharedRunReference").GetString(), ours.SharedRunReference);
        }
        // The generated-like piece exercises the cases a song may not: a repeated phrase, a long note, a unison.
        var last = expected.GetProperty(generated);
        Assert.True(last.GetProperty("phraseRepetition").GetDouble() > 0);
        Assert.True(last.GetProperty("longNoteShare").GetDouble() > 0);
        Assert.True(last.GetProperty("velocitySpread").GetDouble() > 0);
    }

    private static void Near(JsonElement expected, string metric, double? actual, string piece)
    {
        var value = expected.GetProperty(metric);
        if (value.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{piece} {metric}: ours {actual}, theirs undefined");
            return;
        }
        Assert.True(actual is { } a && Math.Abs(a - value.GetDouble()) <= Tolerance, $"{piece} {metric}: ours {actual}, theirs {value.GetDouble()}");
    }

    /// <summary>
    /// Shaped like model output: a melody over chords on a 16th grid, with a 4-bar phrase played twice, 3/4 bars from bar 9,
    /// a tempo change, a unison on two tracks, drums, varied velocities and one note held past 3 s.
    /// </summary>
    private static NoteSequence GeneratedLike()
    {
        const int tpq = 480, sixteenth = tpq / 4;
        var seq = new NoteSequence(tpq, new TempoMap(tpq, [new TempoChange(0, 500000), new TempoChange(16 * tpq, 400000)]));
        seq.TimeSignatures.Add(new TimeSignature(0, 4, 4));
        seq.TimeSignatures.Add(new TimeSignature(32 * tpq, 3, 4));
        var random = new Random(7);
        int[] phrase = [.. Enumerable.Range(0, 24).Select(_ => 60 + random.Next(-5, 12))];
        for (var repeat = 0; repeat < 2; repeat++)
            for (var i = 0; i < phrase.Length; i++)
            {
                var start = repeat * 16L * tpq + i * 2L * sixteenth + (i % 3 == 0 ? sixteenth : 0);
                seq.AddNote(phrase[i], 70 + 5 * (i % 6), start, start + sixteenth * (1 + i % 3));
            }
        int[] roots = [.. Enumerable.Range(0, 4).Select(_ => 48 + random.Next(0, 12))];
        for (var bar = 0; bar < 12; bar++)
        {
            var root = bar < 8 ? roots[bar % 4] : 48 + random.Next(0, 12); // the chords repeat with the phrase
            var start = bar < 8 ? bar * 4L * tpq : 32L * tpq + (bar - 8) * 3L * tpq;
            foreach (var step in new[] { 0, 4, 7 }) seq.AddNote(root + step, 60, start, start + 3 * tpq);
            seq.AddNote(36, 100, start, start + sixteenth, channel: 9, isDrum: true);
        }
        seq.AddNote(72, 90, 32 * tpq, 32 * tpq + 2 * tpq, track: 1);
        seq.AddNote(72, 50, 32 * tpq, 32 * tpq + 2 * tpq, channel: 1, track: 2);
        seq.AddNote(40, 80, 36 * tpq, 44 * tpq);
        seq.Sort();
        return seq;
    }
}

using Euterpe.Core.Encoding;

namespace Euterpe.Core.Tests.Encoding;

/// <summary>The encodings on the OpenMSX songs, read by the independent midicsv tool.</summary>
public class RealSongEncodingTests
{
    [Fact]
    public void EverySongRoundTripsThroughPerformanceTokens()
    {
        var encoding = new PerformanceEncoding();
        var buffer = new StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
        foreach (var (file, song) in MidiCsvCorpus.Songs)
        {
            Assert.True(song.Notes.Count > 50, $"{file}: only {song.Notes.Count} notes read");
            var tokens = encoding.Encode(song);
            Assert.All(tokens, t => Assert.True(encoding.IsValidToken(t)));
            var expected = encoding.Quantize(song);
            Assert.Equal(expected.Notes, encoding.Decode(tokens).Notes);
            // No melodic note is lost, except same-pitch onsets that fall on one 10 ms step.
            var melodic = song.Notes.Where(n => !n.IsDrum).Select(n => (n.Pitch, (long)Math.Round(n.StartSeconds / 0.01))).Distinct().Count();
            Assert.InRange(expected.Notes.Count, melodic - melodic / 100, melodic);

            var decoder = new PerformanceStreamDecoder(encoding);
            var ons = 0;
            foreach (var t in tokens) for (int i = 0, n = decoder.Feed(t, buffer); i < n; i++) if (buffer[i].IsNoteOn) ons++;
            Assert.Equal(expected.Notes.Count, ons);
        }
    }

    [Fact]
    public void With_a_longest_note_every_song_decodes_to_its_notes_cut_at_that_length_in_time_order()
    {
        var encoding = new PerformanceEncoding();
        const double max = PerformanceStreamDecoder.GenerationMaxNoteSeconds;
        var buffer = new StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
        var cut = 0;
        foreach (var (file, song) in MidiCsvCorpus.Songs)
        {
            var tokens = encoding.Encode(song);
            var expected = encoding.Quantize(song).Notes.Select(n => (n.Pitch, n.StartSeconds, End: Math.Min(n.EndSeconds, n.StartSeconds + max))).ToList();
            cut += encoding.Quantize(song).Notes.Count(n => n.EndSeconds - n.StartSeconds > max + 1e-9);
            var decoded = encoding.Decode(tokens, max).Notes;
            Assert.Equal(expected.Count, decoded.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Pitch, decoded[i].Pitch);
                Assert.Equal(expected[i].StartSeconds, decoded[i].StartSeconds, 9);
                Assert.True(Math.Abs(expected[i].End - decoded[i].EndSeconds) < 1e-9, $"{file}: note {i} ends at {decoded[i].EndSeconds}, expected {expected[i].End}");
            }

            // Streamed, the events never go back in time and no note outlasts the limit.
            var decoder = new PerformanceStreamDecoder(encoding, max);
            var last = 0.0;
            var started = new double[128];
            foreach (var t in tokens)
                for (int i = 0, n = decoder.Feed(t, buffer); i < n; i++)
                {
                    var e = buffer[i];
                    Assert.True(e.Seconds >= last - 1e-9, $"{file}: event at {e.Seconds} s after one at {last} s");
                    last = e.Seconds;
                    if (e.IsNoteOn) started[e.Pitch] = e.Seconds;
                    else Assert.True(e.Seconds - started[e.Pitch] <= max + 1e-9, $"{file}: pitch {e.Pitch} sounded {e.Seconds - started[e.Pitch]} s");
                }
        }
        Assert.True(cut > 0, "no song has a note longer than the limit, so nothing was cut");
    }

    [Fact]
    public void SongsGiveSensibleConditioningFeatures()
    {
        foreach (var (_, song) in MidiCsvCorpus.Songs.Take(8))
        {
            var f = ConditioningFeatures.Compute(song);
            Assert.Equal(1f, f.PitchClassHistogram.ToArray().Sum(), 4);
            Assert.InRange(f.MeanPitch, 30f, 90f);
            Assert.InRange(f.NotesPerSecond, 0.5f, 60f);
        }
    }
}

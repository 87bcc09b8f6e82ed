using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.IO;
using Euterpe.Core.Tests.Abc;

namespace Euterpe.Core.Tests.Encoding;

/// <summary>
/// The ABC character dialect on real music: a piece's body, wrapped in its header, is a tune abc2midi (the independent
/// reference) plays as the piece's plain melody, and our streaming decoder reads the same notes and accents from the
/// tokens.
/// </summary>
public sealed class AbcCharacterEncodingTests
{
    private const string OpenMsx = "/usr/share/games/openttd/baseset/openmsx";

    public static TheoryData<string, int> Pieces => new()
    {
        { Path.Combine(OpenMsx, "be_sharp_bw_redfarn.mid"), 0 },
        { Path.Combine(OpenMsx, "chemistry_lab.mid"), 0 },
        { Path.Combine(Abc2MidiReference.ExamplesDirectory, "demo.abc"), 0 },
    };

    [Theory]
    [MemberData(nameof(Pieces))]
    public void A_body_plays_its_melody_in_abc2midi_and_in_the_decoder(string file, int index)
    {
        var piece = MusicFiles.Load(file)[index].Sequence;
        var melody = AbcCharacterEncoding.PlainMelody(piece);
        var body = AbcCharacterEncoding.Body(piece);
        Assert.NotEmpty(melody.Notes);
        Assert.All(body, c => Assert.True(AbcCharacterEncoding.TokenOf(c) > 0, $"'{c}' is not in the alphabet"));

        using var folder = new TempFolder("euterpe-abc-chars-");
        var tune = folder.File("tune.abc");
        File.WriteAllText(tune, AbcCharacterEncoding.Tune(body));
        var reference = Abc2MidiReference.Render(tune, 1).OrderBy(n => n.Start).ToList();
        var ppq = (double)melody.TicksPerQuarter;
        var expected = melody.Notes.OrderBy(n => n.StartTick).ToList();
        Assert.Equal(expected.Count, reference.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Pitch, reference[i].Pitch);
            Assert.Equal(expected[i].StartTick / ppq, reference[i].Start, 0.01);
        }

        var decoded = Decode(AbcCharacterEncoding.Encode(body));
        Assert.Equal(reference.Count, decoded.Count);
        for (var i = 0; i < decoded.Count; i++)
        {
            Assert.Equal(reference[i].Pitch, decoded[i].Pitch);
            Assert.Equal(reference[i].Start, decoded[i].Start, 0.01);
            Assert.InRange(reference[i].Duration, decoded[i].End - decoded[i].Start - 0.05, decoded[i].End - decoded[i].Start + 0.01);
            Assert.Equal(reference[i].Velocity, decoded[i].Velocity);
        }
    }

    /// <summary>
    /// What generation is held to (<see cref="AbcCharacterDecoder.Allowed"/>) lets through every character real pieces
    /// are written with, up to their last bar line: only a last bar the piece leaves unfilled is closed where a
    /// generated one could not be.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pieces))]
    public void The_mask_allows_the_text_of_real_pieces(string file, int index)
    {
        var tokens = AbcCharacterEncoding.Encode(AbcCharacterEncoding.Body(MusicFiles.Load(file)[index].Sequence));
        var lastBar = Array.LastIndexOf(tokens, AbcCharacterEncoding.TokenOf('|'));
        var decoder = new AbcCharacterDecoder();
        decoder.Reset();
        var allowed = new bool[AbcCharacterEncoding.VocabularySize];
        var events = new ModelNoteEvent[AbcCharacterDecoder.MaxEventsPerCharacter];
        for (var i = 1; i < lastBar; i++)
        {
            decoder.Allowed(allowed);
            Assert.True(allowed[tokens[i]], $"character {i} ('{AbcCharacterEncoding.CharacterOf(tokens[i])}') refused after: …{AbcCharacterEncoding.Decode(tokens.AsSpan(Math.Max(0, i - 40), Math.Min(i, 40)))}");
            decoder.Feed(tokens[i], events);
        }
    }

    [Fact]
    public void Pieces_are_framed_by_tune_edges_and_decode_back_to_their_text()
    {
        var body = AbcCharacterEncoding.Body(MusicFiles.Load(Path.Combine(OpenMsx, "be_sharp_bw_redfarn.mid"))[0].Sequence);
        var tokens = AbcCharacterEncoding.Encode(body);
        Assert.Equal(AbcCharacterEncoding.TuneEdge, tokens[0]);
        Assert.Equal(AbcCharacterEncoding.TuneEdge, tokens[^1]);
        Assert.Equal(body, AbcCharacterEncoding.Decode(tokens));
        Assert.EndsWith("|]\n", body);
        Assert.Throws<EuterpeException>(() => AbcCharacterEncoding.Encode("C4 [CE]4|"));
    }

    [Fact]
    public void Ties_accidentals_and_bar_lines_decode_as_abc_reads_them()
    {
        // ^F lasts to the bar line in every octave; the tie keeps F# across it; =f is natural.
        var notes = Decode(AbcCharacterEncoding.Encode("^F4 f4 F4- | F4 f4 =f4 z4 |]\n"));
        Assert.Equal([66, 78, 66, 77, 77], notes.Select(n => n.Pitch));
        Assert.Equal([0, 1, 2, 4, 5], notes.Select(n => n.Start));
        Assert.Equal(4, notes[2].End); // F4- | F4: one note of two beats
        Assert.Equal([105, 80, 95, 80, 95], notes.Select(n => n.Velocity));
        // Across a bar line a tie holds the same letter and octave whatever its accidental, as abc2midi plays it.
        Assert.Equal([(66, 3.0, 5.0)], Decode(AbcCharacterEncoding.Encode("z12 ^F4-|=F4 z12|")).Select(n => (n.Pitch, n.Start, n.End)));
    }

    internal static List<PairedNote> Decode(int[] tokens)
    {
        var decoder = new AbcCharacterDecoder();
        decoder.Reset();
        var pairing = new NotePairing();
        var events = new ModelNoteEvent[AbcCharacterDecoder.MaxEventsPerCharacter];
        foreach (var token in tokens)
        {
            var n = decoder.Feed(token, events);
            for (var i = 0; i < n; i++) pairing.Add(events[i]);
        }
        return [.. pairing.Notes.OrderBy(n => n.Start)];
    }
}

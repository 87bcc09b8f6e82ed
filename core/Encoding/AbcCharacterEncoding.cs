using System.Globalization;
using System.Text;
using Euterpe.Core.Abc;
using Euterpe.Core.Music;

namespace Euterpe.Core.Encoding;

/// <summary>
/// ABC text as tokens, one character a token, for the families that model ABC (Char-RNN, the ABC GRU WGAN). Every
/// piece is first written in one plain dialect, so that a model learns one language whatever the source: its melody
/// (<see cref="MonophonicNoteEncoding.Melody"/>: the top voice on a sixteenth grid, pitches 36–96) written by
/// <see cref="AbcWriter"/> with the header <c>M:4/4 L:1/16 K:C</c> left off (written back by <see cref="Tune"/>), so
/// accidentals are explicit and last to the bar line, a length counts sixteenths, and a bar holds 16 of them.
/// Leading silent bars are dropped. Token 0 marks a tune's edge: a piece is <c>[0, body…, 0]</c>, and a generator
/// starts from 0.
/// </summary>
public static class AbcCharacterEncoding
{
    /// <summary>The characters the dialect uses, in token order from 1 (token 0 is <see cref="TuneEdge"/>).</summary>
    public const string Alphabet = "\n |]-^_=zCDEFGABcdefgab,'/0123456789";

    /// <summary>The token before a tune's first character and after its last.</summary>
    public const int TuneEdge = 0;

    /// <summary>The manifest name of <see cref="TuneEdge"/> (vocabulary.tokens[0]).</summary>
    public const string TuneEdgeName = "<tune>";

    /// <summary>Name of the encoding in caches and manifests.</summary>
    public const string Name = Presets.Representations.AbcCharacters;

    /// <summary>Sixteenths per unit length (L:1/16) and per bar (M:4/4).</summary>
    public const int StepsPerBeat = 4, StepsPerBar = 16;

    public static int VocabularySize => Alphabet.Length + 1;

    /// <summary>The header <see cref="Tune"/> writes before a body: the fields the body is read under.</summary>
    public static string Header(int referenceNumber, string title, double bpm) => string.Create(CultureInfo.InvariantCulture,
        $"X:{referenceNumber}\nT:{title}\nM:4/4\nL:1/16\nQ:1/4={Math.Round(bpm, 2)}\nK:C\n");

    /// <summary>A whole tune: <see cref="Header"/> and the body (ending with a line break).</summary>
    public static string Tune(string body, int referenceNumber = 1, string title = "Euterpe", double bpm = 120) =>
        Header(referenceNumber, title, bpm) + (body.EndsWith('\n') ? body : body + "\n");

    /// <summary>The vocabulary as a manifest lists it: <see cref="TuneEdgeName"/>, then each character.</summary>
    public static List<string> TokenNames() => [TuneEdgeName, .. Alphabet.Select(c => c.ToString())];

    /// <summary>The token of a character, or −1 when the dialect does not use it.</summary>
    public static int TokenOf(char c)
    {
        var i = Alphabet.IndexOf(c);
        return i < 0 ? -1 : i + 1;
    }

    /// <summary>The character of a token other than <see cref="TuneEdge"/>.</summary>
    public static char CharacterOf(int token) =>
        token >= 1 && token <= Alphabet.Length ? Alphabet[token - 1] : throw new ArgumentOutOfRangeException(nameof(token), $"token {token} is not a character");

    /// <summary>The tempo a plain melody is placed at (a bar of 4/4 lasts 2 s).</summary>
    public const double Bpm = 120;

    /// <summary>
    /// The melody a piece is written as: its top voice on the sixteenth grid (<see cref="MonophonicNoteEncoding.Melody"/>)
    /// from the first bar that sounds, in 4/4 at <see cref="Bpm"/>, with no key or time signature; empty when it has
    /// no melodic note in range. Conditioning features of an ABC piece are computed from it.
    /// </summary>
    public static NoteSequence PlainMelody(NoteSequence piece, MonophonicNoteEncoding? melody = null)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var voice = (melody ?? new MonophonicNoteEncoding()).Melody(piece);
        var ppq = voice.TicksPerQuarter;
        var plain = new NoteSequence(ppq, new TempoMap(ppq, [TempoChange.FromBpm(0, Bpm)])) { Title = piece.Title };
        if (voice.Notes.Count == 0) return plain;
        var barTicks = ppq * 4L;
        var firstBar = voice.Notes.Min(n => n.StartTick) / barTicks * barTicks;
        foreach (var n in voice.Notes) plain.AddNote(n.Pitch, n.Velocity, n.StartTick - firstBar, n.EndTick - firstBar);
        return plain;
    }

    /// <summary>The body of a piece in the dialect: its <see cref="PlainMelody"/> written out, or "" when that is empty.</summary>
    public static string Body(NoteSequence piece, MonophonicNoteEncoding? melody = null) => BodyOf(PlainMelody(piece, melody));

    /// <summary>The body of a <see cref="PlainMelody"/>.</summary>
    public static string BodyOf(NoteSequence plainMelody)
    {
        if (plainMelody.Notes.Count == 0) return "";
        var text = AbcWriter.Write(plainMelody, unitDenominator: 16);
        var body = text[(text.IndexOf("\nK:", StringComparison.Ordinal) + 1)..];
        return body[(body.IndexOf('\n') + 1)..];
    }

    /// <summary>A body as a piece's tokens, <c>[0, characters…, 0]</c>.</summary>
    public static int[] Encode(string body)
    {
        var tokens = new int[body.Length + 2];
        for (var i = 0; i < body.Length; i++)
        {
            var token = TokenOf(body[i]);
            if (token < 0) throw new EuterpeException($"ABC body: character {UserText(body[i])} is not in the ABC character dialect");
            tokens[i + 1] = token;
        }
        return tokens;
    }

    /// <summary>Tokens back to text; each <see cref="TuneEdge"/> becomes <paramref name="edge"/>.</summary>
    public static string Decode(ReadOnlySpan<int> tokens, string edge = "")
    {
        var text = new StringBuilder(tokens.Length);
        foreach (var t in tokens)
        {
            if (t == TuneEdge) text.Append(edge);
            else text.Append(CharacterOf(t));
        }
        return text.ToString();
    }

    private static string UserText(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}

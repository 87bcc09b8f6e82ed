using System.Globalization;
using Euterpe.Core.Music;
using Euterpe.Core.Text;

namespace Euterpe.Core.Abc;

/// <summary>
/// Turns the body lines of one tune into per-voice element lists: pitches resolved against key and bar
/// accidentals, lengths exact. Decorations, slurs, grace notes and annotations are read past.
/// </summary>
internal sealed class AbcBodyParser
{
    private static readonly int[] LetterSemitones = [0, 2, 4, 5, 7, 9, 11];

    private readonly string _source;
    private readonly AbcHeaderState _header;
    private readonly List<AbcVoice> _voices = [];
    private AbcVoice? _current;
    private int _line;
    private int _column = 1;

    private readonly long _musicBudget;
    private long _consumed;

    /// <param name="musicBudget">Characters of the tune to read: past them the parser stops at the next element.</param>
    public AbcBodyParser(string source, AbcHeaderState header, long musicBudget = long.MaxValue)
    {
        _source = source;
        _header = header;
        _musicBudget = musicBudget;
    }

    public IReadOnlyList<AbcVoice> Voices => _voices;

    /// <summary>True once the budget of characters is spent: later lines are not read.</summary>
    public bool Stopped { get; private set; }

    private AbcVoice Current => _current ??= AddVoice("");

    public void ParseLine(string text, int line)
    {
        if (Stopped) return;
        _line = line;
        _column = 1;
        var start = _consumed;
        _consumed += text.Length + 1;
        if (text.StartsWith("%%", StringComparison.Ordinal))
        {
            ParseDirective(text);
            return;
        }
        text = AbcText.StripComment(text);
        if (text.Length >= 2 && text[1] == ':' && char.IsLetter(text[0]) && text[0] != '|')
        {
            ParseField(text[0], text[2..].Trim());
            return;
        }
        ParseMusic(text, start);
    }

    /// <summary>%%MIDI channel/program set the current voice's instrument; other directives only affect rendering.</summary>
    private void ParseDirective(string text)
    {
        var words = AbcText.StripComment(text[2..]).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || words[0] != "MIDI") return;
        if (words[1] == "ratio" && words.Length >= 4
            && int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var longer)
            && int.TryParse(words[3], NumberStyles.None, CultureInfo.InvariantCulture, out var shorter) && longer > 0 && shorter > 0)
        {
            // abc2midi's broken-rhythm ratio: a>b plays a:b as longer:shorter instead of 3:1.
            if (_current is null) _header.BrokenRatio = (longer, shorter); else _current.BrokenRatio = (longer, shorter);
            return;
        }
        if (!int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return;
        if (words[1] == "channel" && value is >= 1 and <= 16)
        {
            if (_current is null) _header.Channel = value - 1; else _current.Channel = value - 1;
        }
        else if (words[1] == "program" && value is >= 0 and <= 127)
        {
            if (_current is null) _header.Program = value; else _current.Program = value;
        }
    }

    private void ParseField(char name, string value)
    {
        switch (name)
        {
            case 'V':
                var id = value.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts ? parts[0] : "";
                _current = _voices.Find(v => v.Id == id) ?? AddVoice(id);
                break;
            case 'K':
                var key = AbcKey.Parse(value) ?? throw Error($"unreadable key {UserText.Quote(value)}");
                Current.Key = key;
                Current.Elements.Add(new AbcElement(AbcElementKind.Key, _line) { Key = new KeySignature(0, key.Sharps, key.IsMinor) });
                break;
            case 'L':
                Current.UnitLength = Read(() => AbcFields.ParseLength(value));
                break;
            case 'M':
                var meter = Read(() => AbcFields.ParseMeter(value));
                if (meter is { } m)
                {
                    Current.MeterLength = new AbcFraction(m.Numerator, m.Denominator);
                    Current.MeterNumerator = m.Numerator;
                    Current.Elements.Add(new AbcElement(AbcElementKind.Meter, _line) { Meter = new TimeSignature(0, m.Numerator, m.Denominator) });
                }
                break;
            case 'Q':
                var tempo = Read(() => AbcFields.ParseTempo(value));
                if (tempo is { } us) Current.Elements.Add(new AbcElement(AbcElementKind.Tempo, _line) { MicrosecondsPerQuarter = us });
                break;
            case 'P':
                if (value.Length > 0 && char.IsAsciiLetter(value[0]))
                    Current.Elements.Add(new AbcElement(AbcElementKind.Part, _line) { Text = value[..1] });
                break;
            default:
                break; // lyrics (w:), notes and the like carry no pitches
        }
    }

    private AbcVoice AddVoice(string id)
    {
        // The unnamed voice that holds no notes yet gives way to the first V: voice, which inherits its fields (Q:, L:, K:…).
        AbcVoice? unnamed = null;
        if (_voices.Count == 1 && _voices[0].Id == "" && !_voices[0].Elements.Any(e => e.Kind is AbcElementKind.Note or AbcElementKind.Rest))
        {
            unnamed = _voices[0];
            _voices.Clear();
        }
        var voice = new AbcVoice(id, _voices.Count, _header);
        if (unnamed is not null)
        {
            voice.Key = unnamed.Key;
            voice.UnitLength = unnamed.UnitLength;
            voice.MeterLength = unnamed.MeterLength;
            voice.MeterNumerator = unnamed.MeterNumerator;
            voice.Channel = unnamed.Channel;
            voice.Program = unnamed.Program;
            voice.BrokenRatio = unnamed.BrokenRatio;
            voice.Elements.AddRange(unnamed.Elements);
        }
        _voices.Add(voice);
        return voice;
    }

    private void ParseMusic(string s, long lineStart)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (lineStart + i > _musicBudget)
            {
                Stopped = true; // the rest lies past what the caller wants (a primer's first seconds)
                return;
            }
            var voice = Current; // an inline [V:] can switch voices mid-line
            _column = i + 1;
            var c = s[i];
            switch (c)
            {
                case ' ' or '\t' or '`' or '\\' or '$' or 'y' or ')' or ',' or '\'':
                    i++;
                    break;
                case '"':
                    i = ReadQuoted(s, i, voice);
                    break;
                case '!' or '+':
                    var close = s.IndexOf(c, i + 1);
                    i = close < 0 ? i + 1 : close + 1; // a lone ! is the old line-break mark
                    break;
                case '.' or '~' or 'H' or 'L' or 'M' or 'O' or 'P' or 'S' or 'T' or 'u' or 'v' or 'J' or 'R':
                    i++; // decoration shortcuts
                    break;
                case '{':
                    var end = s.IndexOf('}', i + 1);
                    if (end < 0) throw Error("grace notes '{' without '}'");
                    i = end + 1;
                    break;
                case '(':
                    i = char.IsAsciiDigit(At(s, i + 1)) ? ReadTuplet(s, i + 1, voice) : i + 1;
                    break;
                case '[':
                    i = ReadBracket(s, i, voice);
                    break;
                case '|' or ':':
                    i = ReadBar(s, i, voice);
                    break;
                case ']':
                    i++;
                    break;
                case '>' or '<':
                    i = ReadBroken(s, i, voice);
                    break;
                case '-':
                    if (voice.LastNote is { Kind: AbcElementKind.Note } last) TieAll(voice, last);
                    i++;
                    break;
                case '&':
                    i++; // voice overlay is not supported: its notes follow on in time
                    break;
                default:
                    if (c is '^' or '_' or '=' || AbcKey.LetterIndex(c) >= 0 || c is 'z' or 'x' or 'Z' or 'X')
                    {
                        i = ReadNoteOrRest(s, i, voice);
                        break;
                    }
                    throw Error($"unexpected character {UserText.Quote(c.ToString())}");
            }
        }
    }

    private int ReadQuoted(string s, int i, AbcVoice voice)
    {
        var close = s.IndexOf('"', i + 1);
        if (close < 0) throw Error("chord symbol without closing '\"'");
        var text = s[(i + 1)..close];
        // ^ _ < > @ start annotations (free text), not chord symbols.
        if (text.Length > 0 && text[0] is not ('^' or '_' or '<' or '>' or '@'))
            voice.Elements.Add(new AbcElement(AbcElementKind.ChordSymbol, _line) { Text = text });
        return close + 1;
    }

    private int ReadTuplet(string s, int i, AbcVoice voice)
    {
        var p = ReadInt(s, ref i);
        int? q = null, r = null;
        if (At(s, i) == ':')
        {
            i++;
            if (char.IsAsciiDigit(At(s, i))) q = ReadInt(s, ref i);
            if (At(s, i) == ':')
            {
                i++;
                if (char.IsAsciiDigit(At(s, i))) r = ReadInt(s, ref i);
            }
        }
        if (p < 2 || p > 64) throw Error($"tuplet ({p} is out of range (2 to 64)");
        var compound = voice.MeterNumerator % 3 == 0 && voice.MeterNumerator > 3;
        q ??= p switch { 2 or 4 or 8 => 3, 3 or 6 => 2, _ => compound ? 3 : 2 };
        voice.TupletFactor = new AbcFraction(q.Value, p);
        voice.TupletRemaining = r ?? p;
        return i;
    }

    private int ReadBracket(string s, int i, AbcVoice voice)
    {
        var next = At(s, i + 1);
        if (char.IsLetter(next) && At(s, i + 2) == ':')
        {
            var close = s.IndexOf(']', i);
            if (close < 0) throw Error("inline field without ']'");
            ParseField(next, s[(i + 3)..close].Trim());
            voice = Current;
            return close + 1;
        }
        if (char.IsAsciiDigit(next)) return ReadEnding(s, i + 1, voice);
        if (next == '|')
        {
            AddBar(voice, false, false, true);
            return i + 2;
        }
        return ReadChord(s, i, voice);
    }

    private int ReadBar(string s, int i, AbcVoice voice)
    {
        var start = i;
        while (i < s.Length && (s[i] is '|' or ':' || (s[i] == ']' && i > start && s[i - 1] == '|'))) i++;
        var run = s[start..i];
        if (run == ":") return i; // a stray colon (": a" after a bar) is no repeat sign; abc2midi reads past it too
        var endsRepeat = run.StartsWith(':');
        var startsRepeat = run.EndsWith(':') && (run.Length > 1 || !endsRepeat);
        if (run == "::") { endsRepeat = true; startsRepeat = true; }
        if (!run.Contains('|') && run != "::") throw Error($"unreadable bar line {UserText.Quote(run)}");
        AddBar(voice, endsRepeat, startsRepeat, run.Contains("||", StringComparison.Ordinal) || run.EndsWith(']'));
        if (char.IsAsciiDigit(At(s, i))) return ReadEnding(s, i, voice);
        if (At(s, i) == '[' && char.IsAsciiDigit(At(s, i + 1))) return ReadEnding(s, i + 1, voice);
        return i;
    }

    private void AddBar(AbcVoice voice, bool endsRepeat, bool startsRepeat, bool isDouble)
    {
        voice.BarAccidentals.Clear();
        voice.Elements.Add(new AbcElement(AbcElementKind.Bar, _line) { IsDoubleBar = isDouble });
        if (endsRepeat) voice.Elements.Add(new AbcElement(AbcElementKind.RepeatEnd, _line));
        if (startsRepeat) voice.Elements.Add(new AbcElement(AbcElementKind.RepeatStart, _line));
    }

    /// <summary>Reads "1", "2", "1,3", "1-3" after [ or | into the passes this ending plays on.</summary>
    private int ReadEnding(string s, int i, AbcVoice voice)
    {
        var passes = new List<int>();
        while (char.IsAsciiDigit(At(s, i)))
        {
            var from = ReadInt(s, ref i);
            var to = from;
            if (At(s, i) == '-' && char.IsAsciiDigit(At(s, i + 1)))
            {
                i++;
                to = ReadInt(s, ref i);
            }
            for (var n = from; n <= Math.Min(to, from + 16); n++) passes.Add(n);
            if (At(s, i) == ',' && char.IsAsciiDigit(At(s, i + 1))) i++;
            else break;
        }
        voice.Elements.Add(new AbcElement(AbcElementKind.Ending, _line) { Endings = [.. passes] });
        return i;
    }

    private int ReadChord(string s, int i, AbcVoice voice)
    {
        var close = s.IndexOf(']', i);
        if (close < 0) throw Error("chord '[' without ']'");
        var pitches = new List<int>();
        var tied = new List<bool>();
        var spellings = new List<(int, int)>();
        AbcFraction? first = null;
        var j = i + 1;
        while (j < close)
        {
            var c = s[j];
            _column = j + 1;
            if (c is '^' or '_' or '=' || AbcKey.LetterIndex(c) >= 0)
            {
                j = ReadPitch(s, j, voice, out var pitch, out var spelling);
                var length = ReadLength(s, ref j);
                first ??= length;
                pitches.Add(pitch);
                spellings.Add(spelling);
                var isTied = At(s, j) == '-';
                if (isTied) j++;
                tied.Add(isTied);
            }
            else if (c is ' ' or '.' or '~' or '!' or '+' or '"' or '(' or ')')
            {
                if (c is '!' or '+' or '"') { var k = s.IndexOf(c, j + 1); j = k < 0 || k > close ? j + 1 : k + 1; }
                else j++;
            }
            else throw Error($"unexpected {UserText.Quote(c.ToString())} in chord");
        }
        j = close + 1;
        var outer = ReadLength(s, ref j);
        if (pitches.Count == 0) return j;
        var element = new AbcElement(AbcElementKind.Note, _line)
        {
            Pitches = [.. pitches],
            Tied = [.. tied],
            Spellings = [.. spellings],
            Duration = (first ?? new AbcFraction(1, 1)) * outer * voice.UnitLength,
        };
        AddTimed(voice, element);
        if (At(s, j) == '-') { TieAll(voice, element); j++; }
        return j;
    }

    private int ReadNoteOrRest(string s, int i, AbcVoice voice)
    {
        var c = s[i];
        if (c is 'z' or 'x' or 'Z' or 'X')
        {
            i++;
            var length = ReadLength(s, ref i);
            var duration = c is 'Z' or 'X' ? length * voice.MeterLength : length * voice.UnitLength;
            AddTimed(voice, new AbcElement(AbcElementKind.Rest, _line) { Duration = duration });
            return i;
        }
        i = ReadPitch(s, i, voice, out var pitch, out var spelling);
        var noteLength = ReadLength(s, ref i);
        var element = new AbcElement(AbcElementKind.Note, _line)
        {
            Pitches = [pitch],
            Tied = [false],
            Spellings = [spelling],
            Duration = noteLength * voice.UnitLength,
        };
        AddTimed(voice, element);
        return i;
    }

    private static void TieAll(AbcVoice voice, AbcElement element)
    {
        Array.Fill(element.Tied, true);
        for (var k = 0; k < element.Pitches.Length; k++) voice.PendingTies[element.Spellings[k]] = element.Pitches[k];
    }

    /// <summary>Applies a running tuplet and a pending broken rhythm, then appends.</summary>
    private static void AddTimed(AbcVoice voice, AbcElement element)
    {
        if (voice.TupletRemaining > 0)
        {
            element.Duration *= voice.TupletFactor;
            voice.TupletRemaining--;
        }
        if (voice.PendingBroken is { } factor)
        {
            element.Duration *= factor;
            voice.PendingBroken = null;
        }
        voice.Elements.Add(element);
        voice.LastNote = element;
        // Ties reach only the next note or chord; those written inside a chord ([C-E]) reach past it.
        voice.PendingTies = [];
        for (var k = 0; k < element.Tied.Length; k++)
            if (element.Tied[k]) voice.PendingTies[element.Spellings[k]] = element.Pitches[k];
    }

    private int ReadBroken(string s, int i, AbcVoice voice)
    {
        var c = s[i];
        var count = 0;
        while (At(s, i) == c) { count++; i++; }
        if (count > 3) throw Error($"broken rhythm {UserText.Quote(new string(c, count))} is too long");
        if (voice.LastNote is not { } previous) throw Error($"broken rhythm {UserText.Quote(c.ToString())} without a note before it");
        // > : dotted then shortened (3/2, 1/2); >> : 7/4, 1/4; >>> : 15/8, 1/8. < is the mirror image.
        var small = new AbcFraction(1, 1L << count);
        if (count == 1 && voice.BrokenRatio is var (longer, shorter)) small = new AbcFraction(2L * shorter, longer + shorter);
        var large = new AbcFraction(2, 1) - small;
        previous.Duration *= c == '>' ? large : small;
        voice.PendingBroken = c == '>' ? small : large;
        return i;
    }

    private int ReadPitch(string s, int i, AbcVoice voice, out int pitch, out (int Letter, int Octave) spelling)
    {
        int? explicitAlter = null;
        var c = s[i];
        if (c is '^' or '_' or '=')
        {
            var sign = c == '^' ? 1 : c == '_' ? -1 : 0;
            var alter = sign;
            i++;
            if (sign != 0 && At(s, i) == c) { alter = 2 * sign; i++; }
            else if (sign != 0 && (char.IsAsciiDigit(At(s, i)) || At(s, i) == '/'))
            {
                // Microtonal accidental such as _/ or ^3/4: keep the nearest whole semitone.
                var num = char.IsAsciiDigit(At(s, i)) ? ReadInt(s, ref i) : 1;
                var den = 1;
                if (At(s, i) == '/') { i++; den = char.IsAsciiDigit(At(s, i)) ? ReadInt(s, ref i) : 2; }
                alter = sign * (int)Math.Round((double)num / Math.Max(den, 1), MidpointRounding.ToZero);
            }
            explicitAlter = alter;
        }
        var letter = AbcKey.LetterIndex(At(s, i));
        if (letter < 0) throw Error("accidental without a note letter");
        var octave = char.IsLower(s[i]) ? 1 : 0;
        i++;
        while (At(s, i) is '\'' or ',') { octave += s[i] == '\'' ? 1 : -1; i++; }
        spelling = (letter, octave);
        int alteration;
        if (explicitAlter is null && voice.PendingTies.TryGetValue(spelling, out var tiedPitch))
        {
            pitch = tiedPitch; // a tie carries its accidental over the bar line
            return i;
        }
        if (explicitAlter is { } a)
        {
            voice.BarAccidentals[letter] = a;
            alteration = a;
        }
        else alteration = voice.BarAccidentals.TryGetValue(letter, out var barAlter) ? barAlter : voice.Key.Alterations[letter];
        pitch = 60 + 12 * octave + LetterSemitones[letter] + alteration;
        if (pitch is < 0 or > 127) throw Error($"note is outside the MIDI range (pitch {pitch})");
        return i;
    }

    /// <summary>Reads a length multiplier: "", "2", "/2", "/", "//", "3/2".</summary>
    private AbcFraction ReadLength(string s, ref int i)
    {
        long numerator = char.IsAsciiDigit(At(s, i)) ? ReadInt(s, ref i) : 1;
        long denominator = 1;
        while (At(s, i) == '/')
        {
            i++;
            if (char.IsAsciiDigit(At(s, i)))
            {
                var divisor = ReadInt(s, ref i);
                if (divisor == 0) throw Error("note length divides by zero");
                denominator *= divisor;
            }
            else denominator *= 2;
            if (denominator > 1 << 12) throw Error("note length denominator is too large");
        }
        if (numerator == 0) throw Error("note length is zero");
        return new AbcFraction(numerator, denominator);
    }

    private int ReadInt(string s, ref int i)
    {
        var start = i;
        while (char.IsAsciiDigit(At(s, i))) i++;
        if (i - start > 6) throw Error($"number {UserText.Quote(s[start..i])} is too large (at most 6 digits)");
        return int.Parse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private T Read<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Error(e.Message);
        }
    }

    private AbcFormatException Error(string problem) => new(_source, _line, _column, problem);
}

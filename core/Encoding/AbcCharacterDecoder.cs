using Euterpe.Core.Generation;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Reads ABC text in <see cref="AbcCharacterEncoding"/>'s dialect one character at a time and plays it as it comes: a
/// note (or rest) is complete when the character after its length arrives, and its note-on and note-off are written
/// then. Times are in beats (a length unit is a sixteenth). As in ABC (and abc2midi), an accidental lasts to the bar
/// line for that letter in every octave, a tie (<c>-</c>) holds the note into the next one of the same pitch, or of the
/// same letter and octave (across a bar line whatever accidental that one has, as abc2midi reads it), and velocities are abc2midi's default accents for 4/4: 105 on
/// the first sixteenth after a bar line, 95 on the bar's middle, 80 elsewhere. <see cref="Allowed"/> says which tokens may come next,
/// so a sampler held to it writes only text abc2midi reads. Allocation-free.
/// </summary>
public sealed class AbcCharacterDecoder
{
    /// <summary>The most note events one character completes: a tied note's end, a note's start and its end.</summary>
    public const int MaxEventsPerCharacter = 3;

    /// <summary>The most digits a length's numerator has (99 sixteenths is six bars).</summary>
    public const int MaxDigits = 2;

    /// <summary>The octaves <see cref="Allowed"/> keeps to: C,, (36) to c'' (96), the dialect's melody range.</summary>
    public const int MinOctave = -2, MaxOctave = 3;

    private static readonly int[] LetterSemitones = [9, 11, 0, 2, 4, 5, 7]; // A B C D E F G

    private enum Part { Between, Bar, BarEnd, Accidental, Pitch, Numerator, Slash, Denominator }

    private readonly int[] _barAlter = new int[7];
    private Part _part;
    private bool _rest, _lowercase;
    private int _letter, _octave, _accidentals, _explicitAlter; // _accidentals: characters of ^ _ = read
    private int _numerator, _numeratorDigits, _denominator, _denominatorDigits, _slashes;
    private int _heldPitch = -1, _heldLetter, _heldOctave;
    private bool _heldAcrossBar;
    private double _barStart;

    /// <summary>Beats played so far: where the next note starts.</summary>
    public double Time { get; private set; }

    /// <summary>Whether a note is tied into the next one.</summary>
    public bool Holding => _heldPitch >= 0;

    /// <summary>Whether the text read so far ends between elements (no note, rest or accidental is open).</summary>
    public bool BetweenElements => _part is Part.Between or Part.Bar or Part.BarEnd;

    /// <summary>Starts at time 0 with no accidentals, between elements.</summary>
    public void Reset()
    {
        Time = 0;
        _heldPitch = -1;
        StartBar();
        _part = Part.Between;
    }

    /// <summary>
    /// Reads one token: a character, or <see cref="AbcCharacterEncoding.TuneEdge"/> (the tune ends: what is open
    /// completes, a held note ends, accidentals clear; the clock runs on). Writes the note events it completes.
    /// </summary>
    public int Feed(int token, Span<ModelNoteEvent> output)
    {
        var count = 0;
        if (token == AbcCharacterEncoding.TuneEdge)
        {
            Complete(output, ref count);
            ReleaseHeld(output, ref count);
            StartBar();
            _part = Part.Between;
            return count;
        }
        var c = AbcCharacterEncoding.CharacterOf(token);
        switch (c)
        {
            case '^' or '_' or '=':
                Complete(output, ref count);
                if (_part != Part.Accidental) { _accidentals = 0; _explicitAlter = 0; }
                _accidentals++;
                _explicitAlter += c == '^' ? 1 : c == '_' ? -1 : 0;
                _part = Part.Accidental;
                break;
            case >= 'A' and <= 'G' or >= 'a' and <= 'g' or 'z':
                if (_part != Part.Accidental) { Complete(output, ref count); _accidentals = 0; }
                _rest = c == 'z';
                _lowercase = c is >= 'a' and <= 'g';
                _letter = _rest ? 0 : char.ToUpperInvariant(c) - 'A';
                _octave = _lowercase ? 1 : 0;
                _numerator = _numeratorDigits = _denominator = _denominatorDigits = _slashes = 0;
                _part = Part.Pitch;
                break;
            case ',' or '\'':
                if (_part == Part.Pitch) _octave += c == ',' ? -1 : 1;
                break;
            case >= '0' and <= '9':
                if (_part is Part.Pitch or Part.Numerator)
                {
                    _numerator = _numerator * 10 + (c - '0');
                    _numeratorDigits++;
                    _part = Part.Numerator;
                }
                else if (_part is Part.Slash or Part.Denominator)
                {
                    _denominator = _denominator * 10 + (c - '0');
                    _denominatorDigits++;
                    _part = Part.Denominator;
                }
                break;
            case '/':
                if (_part is Part.Pitch or Part.Numerator or Part.Slash)
                {
                    _slashes++;
                    _part = Part.Slash;
                }
                break;
            case '-':
                if (_part is Part.Pitch or Part.Numerator or Part.Slash or Part.Denominator) Complete(output, ref count, tied: true);
                break;
            case '|':
                Complete(output, ref count);
                _heldAcrossBar = _heldPitch >= 0;
                StartBar();
                _part = Part.Bar;
                break;
            case ']':
                if (_part == Part.Bar) _part = Part.BarEnd;
                break;
            default: // space, line break
                Complete(output, ref count);
                _part = Part.Between;
                break;
        }
        return count;
    }

    /// <summary>
    /// Marks in <paramref name="allowed"/> (one entry per token) what may follow the text read so far in the dialect as
    /// its writer writes it: notes and rests of whole sixteenths (at most <see cref="MaxDigits"/> digits) that fill each
    /// bar exactly (a longer note is tied across the bar line), a bar line only where a bar is full, octaves within
    /// <see cref="MinOctave"/>…<see cref="MaxOctave"/>, at most two accidentals of one sign or one natural, line
    /// breaks only after bar lines, and <see cref="AbcCharacterEncoding.TuneEdge"/> at a bar's start. Text so held is ABC that abc2midi reads without a
    /// warning.
    /// </summary>
    public void Allowed(Span<bool> allowed)
    {
        allowed.Clear();
        var left = BarSixteenthsLeft;
        switch (_part)
        {
            case Part.Between:
            case Part.Bar:
                // Line breaks only after bar lines, as the writer puts them: an empty line would end the tune for ABC readers.
                if (_part == Part.Bar) Allow(allowed, "]\n");
                allowed[AbcCharacterEncoding.TuneEdge] = left == AbcCharacterEncoding.StepsPerBar;
                if (left <= 0)
                {
                    Allow(allowed, " |"); // "A4- |": the writer's space after a tie
                    break;
                }
                Allow(allowed, " ^_=zABCDEFGabcdefg");
                break;
            case Part.BarEnd:
                allowed[AbcCharacterEncoding.TuneEdge] = true;
                Allow(allowed, " \n");
                break;
            case Part.Accidental:
                Allow(allowed, "ABCDEFGabcdefg");
                if (_accidentals < 2 && _explicitAlter != 0) Allow(allowed, _explicitAlter > 0 ? "^" : "_");
                break;
            case Part.Pitch:
                AllowEnds(allowed, 1, left);
                for (var d = 1; d <= 9 && d <= left; d++) allowed[Token((char)('0' + d))] = true;
                if (!_rest && (_lowercase ? _octave < MaxOctave : _octave > MinOctave)) allowed[Token(_lowercase ? '\'' : ',')] = true;
                break;
            case Part.Numerator:
                AllowEnds(allowed, _numerator, left);
                for (var d = 0; d <= 9 && _numeratorDigits < MaxDigits && _numerator * 10 + d <= left; d++) allowed[Token((char)('0' + d))] = true;
                break;
            default: // a fraction, which the writer never writes: it may only end
                AllowEnds(allowed, 0, 0);
                break;
        }
    }

    // What may end a note or rest of this many sixteenths: a space, a tie, and a bar line if it fills the bar.
    private void AllowEnds(Span<bool> allowed, int sixteenths, int left)
    {
        Allow(allowed, " ");
        if (!_rest) Allow(allowed, "-");
        if (sixteenths == left) Allow(allowed, "|");
    }

    /// <summary>
    /// The pitch class a note letter (A–G, a–g) written next would sound: with the accidental just read, else the one
    /// in force in the bar for that letter.
    /// </summary>
    public int PitchClassOf(char letter)
    {
        var index = char.ToUpperInvariant(letter) - 'A';
        var alter = _part == Part.Accidental ? _explicitAlter : _barAlter[index];
        return ((LetterSemitones[index] + alter) % 12 + 12) % 12;
    }

    /// <summary>Sixteenths of the bar not yet filled by the notes and rests completed in it.</summary>
    public int BarSixteenthsLeft => AbcCharacterEncoding.StepsPerBar - (int)Math.Round((Time - _barStart) * AbcCharacterEncoding.StepsPerBeat);

    private static int Token(char c) => AbcCharacterEncoding.TokenOf(c);

    private static void Allow(Span<bool> allowed, string characters)
    {
        foreach (var c in characters) allowed[Token(c)] = true;
    }

    private void StartBar()
    {
        _barAlter.AsSpan().Clear();
        _barStart = Time;
    }

    // Ends the open note or rest, if any, now that its length is known.
    private void Complete(Span<ModelNoteEvent> output, ref int count, bool tied = false)
    {
        if (_part is not (Part.Pitch or Part.Numerator or Part.Slash or Part.Denominator)) return;
        var numerator = _numeratorDigits > 0 ? _numerator : 1;
        var denominator = _denominatorDigits > 0 ? _denominator : 1 << _slashes;
        _part = Part.Between;
        if (numerator == 0 || denominator == 0) return; // "z0" or "A/0": no time, nothing to play
        var beats = numerator / (double)denominator / AbcCharacterEncoding.StepsPerBeat;
        var start = Time;
        if (_rest)
        {
            ReleaseHeld(output, ref count);
            Time += beats;
            return;
        }
        if (_accidentals > 0) _barAlter[_letter] = _explicitAlter;
        var pitch = Math.Clamp(60 + LetterSemitones[_letter] + 12 * _octave + _barAlter[_letter], 0, 127);
        // A tie joins the same pitch, or the same letter and octave without an accidental of its own; across a bar line it
        // joins the same letter and octave whatever its accidental (abc2midi's reading: "^F4-|=F4" is one F#).
        var continues = _heldPitch >= 0 && (pitch == _heldPitch
            || (_letter == _heldLetter && _octave == _heldOctave && (_accidentals == 0 || _heldAcrossBar)));
        if (continues) pitch = _heldPitch;
        if (!continues)
        {
            ReleaseHeld(output, ref count);
            output[count++] = new ModelNoteEvent(true, pitch, Accent(start - _barStart), start);
        }
        Time += beats;
        if (tied)
        {
            (_heldPitch, _heldLetter, _heldOctave, _heldAcrossBar) = (pitch, _letter, _octave, false);
            return;
        }
        _heldPitch = -1;
        output[count++] = new ModelNoteEvent(false, pitch, 0, Time);
    }

    private void ReleaseHeld(Span<ModelNoteEvent> output, ref int count)
    {
        if (_heldPitch < 0) return;
        output[count++] = new ModelNoteEvent(false, _heldPitch, 0, Time);
        _heldPitch = -1;
    }

    // abc2midi's default accents in 4/4: the bar's first sixteenth, its middle, the rest (counted from the bar line, as abc2midi does).
    private static int Accent(double beats)
    {
        var sixteenth = Math.Round(beats * AbcCharacterEncoding.StepsPerBeat, 6);
        if (sixteenth != Math.Floor(sixteenth)) return 80;
        var inBar = (long)sixteenth % AbcCharacterEncoding.StepsPerBar;
        return inBar == 0 ? 105 : inBar == AbcCharacterEncoding.StepsPerBar / 2 ? 95 : 80;
    }
}

using Euterpe.Core.Generation;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Reads ABC text in <see cref="AbcCharacterEncoding"/>'s dialect one character at a time and plays it as it comes: a
/// note (or rest) is complete when the character after its length arrives, and its note-on and note-off are written
/// then. Times are in beats (a length unit is a sixteenth). As in ABC (and abc2midi), an accidental lasts to the bar
/// line for that letter in every octave, a tie (<c>-</c>) holds the note into the next one of the same letter and
/// octave (keeping its accidental across the bar line), and velocities are abc2midi's default accents for 4/4: 105 on
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
    private double _barStart;
    private bool _lineBlank; // nothing but spaces since the last line break (or the start)

    /// <summary>Beats played so far: where the next note starts.</summary>
    public double Time { get; private set; }

    /// <summary>Whether a note is tied into the next one.</summary>
    public bool Holding => _heldPitch >= 0;

    /// <summary>Whether the text read so far ends between elements, where a tune may end.</summary>
    public bool CanEndTune => _part is Part.Between or Part.Bar or Part.BarEnd;

    /// <summary>Starts at time 0 with no accidentals, between elements.</summary>
    public void Reset()
    {
        Time = 0;
        _heldPitch = -1;
        StartBar();
        _part = Part.Between;
        _lineBlank = true;
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
        if (c != ' ') _lineBlank = c == '\n';
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
    /// Marks in <paramref name="allowed"/> (one entry per token) what may follow the text read so far in the dialect:
    /// what abc2midi reads as notes, rests, bar lines and ties: octaves within <see cref="MinOctave"/>…<see cref="MaxOctave"/>,
    /// lengths of at most <see cref="MaxDigits"/> digits over 1, 2, 4 or 8, at most two accidentals of one sign or one
    /// natural; a line break only after a line with something on it (a blank line, or one at the start, ends an ABC
    /// tune); <see cref="AbcCharacterEncoding.TuneEdge"/> where a tune may end.
    /// </summary>
    public void Allowed(Span<bool> allowed)
    {
        allowed.Clear();
        allowed[AbcCharacterEncoding.TuneEdge] = CanEndTune;
        switch (_part)
        {
            case Part.Between:
            case Part.Bar:
                Allow(allowed, " \n|^_=zABCDEFGabcdefg");
                if (_part == Part.Bar) Allow(allowed, "]");
                break;
            case Part.BarEnd:
                Allow(allowed, " \n");
                break;
            case Part.Accidental:
                Allow(allowed, "ABCDEFGabcdefg");
                if (_accidentals < 2 && _explicitAlter != 0) Allow(allowed, _explicitAlter > 0 ? "^" : "_");
                break;
            case Part.Pitch:
                Allow(allowed, "123456789/ \n|");
                if (!_rest)
                {
                    Allow(allowed, "-");
                    if (_lowercase ? _octave < MaxOctave : _octave > MinOctave) allowed[Token(_lowercase ? '\'' : ',')] = true;
                }
                break;
            case Part.Numerator:
                Allow(allowed, " \n|/");
                if (!_rest) Allow(allowed, "-");
                if (_numeratorDigits < MaxDigits) Allow(allowed, "0123456789");
                break;
            case Part.Slash:
                Allow(allowed, " \n|");
                if (_slashes == 1) Allow(allowed, "248"); // "A//" is a quarter; "A//8" is not ABC
                if (_slashes < 2) Allow(allowed, "/");
                if (!_rest) Allow(allowed, "-");
                break;
            case Part.Denominator:
                Allow(allowed, " \n|");
                if (!_rest) Allow(allowed, "-");
                break;
        }
        if (_lineBlank) allowed[Token('\n')] = false;
    }

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
        // A tie joins the same pitch, or the same letter and octave without an accidental of its own (across a bar line).
        var continues = _heldPitch >= 0 && (pitch == _heldPitch || (_accidentals == 0 && _letter == _heldLetter && _octave == _heldOctave));
        if (continues) pitch = _heldPitch;
        if (!continues)
        {
            ReleaseHeld(output, ref count);
            output[count++] = new ModelNoteEvent(true, pitch, Accent(start - _barStart), start);
        }
        Time += beats;
        if (tied)
        {
            (_heldPitch, _heldLetter, _heldOctave) = (pitch, _letter, _octave);
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

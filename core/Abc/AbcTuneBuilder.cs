using System.Text;
using Euterpe.Core.Text;
using Euterpe.Core.Music;

namespace Euterpe.Core.Abc;

/// <summary>
/// Collects one tune's header, then hands its body lines to the parser; with a <paramref name="musicBudget"/> it reads
/// only that many characters of the tune (then stops at the next element).
/// </summary>
internal sealed class AbcTuneBuilder(string source, int referenceNumber, int startLine, long musicBudget = long.MaxValue)
{
    private readonly AbcHeaderState _header = new();
    private readonly StringBuilder _body = new();
    private AbcBodyParser? _parser;
    private string? _title;
    private string _meter = "";
    private string? _unitLength;
    private string? _tempo;
    private string? _partOrder;
    private int _tempoLine;
    private string _key = "";
    private (int Numerator, int Denominator)? _meterValue;
    private KeySignature _keySignature;
    private readonly int _startLine = startLine;
    private int _lastLine = startLine;

    private AbcBodyParser Parser => _parser ??= new AbcBodyParser(source, _header, musicBudget);

    public void AddLine(string text, int number)
    {
        if (_parser is { Stopped: true }) return;
        _lastLine = number;
        if (_key.Length > 0)
        {
            _body.Append(text).Append('\n');
            Parser.ParseLine(text, number);
            return;
        }
        if (text.StartsWith("%%", StringComparison.Ordinal))
        {
            Parser.ParseLine(text, number); // %%MIDI program/channel before K: set the defaults
            return;
        }
        var stripped = AbcText.StripComment(text);
        if (stripped.Length == 0) return;
        if (!AbcText.IsField(stripped))
        {
            // Music before any K: — read it in C major, as players do.
            StartBody("C", number);
            _body.Append(text).Append('\n');
            Parser.ParseLine(text, number);
            return;
        }
        var value = stripped[2..].Trim();
        try
        {
            switch (stripped[0])
            {
                case 'T':
                    _title ??= AbcText.Unescape(value);
                    break;
                case 'P':
                    _partOrder = value;
                    break;
                case 'M':
                    _meter = value;
                    _meterValue = AbcFields.ParseMeter(value);
                    break;
                case 'L':
                    _unitLength = value;
                    _header.UnitLength = AbcFields.ParseLength(value);
                    break;
                case 'Q':
                    _tempo = value;
                    _tempoLine = number;
                    break;
                case 'K':
                    StartBody(value, number);
                    break;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new AbcFormatException(source, number, e.Message);
        }
    }

    private void StartBody(string keyText, int number)
    {
        _key = keyText.Length == 0 ? "C" : keyText;
        var key = AbcKey.Parse(_key) ?? throw new AbcFormatException(source, number, $"unreadable key {UserText.Quote(keyText)}");
        _header.Key = key;
        _keySignature = new KeySignature(0, key.Sharps, key.IsMinor);
        if (_meterValue is { } m)
        {
            _header.MeterLength = new AbcFraction(m.Numerator, m.Denominator);
            _header.MeterNumerator = m.Numerator;
        }
        // ABC's default unit: 1/16 for meters under 3/4, else 1/8.
        if (_unitLength is null)
        {
            var small = _meterValue is { } mv && (double)mv.Numerator / mv.Denominator < 0.75;
            _header.UnitLength = small ? new AbcFraction(1, 16) : new AbcFraction(1, 8);
            _unitLength = small ? "1/16" : "1/8";
        }
    }

    public AbcTune Build()
    {
        if (_key.Length == 0) throw new AbcFormatException(source, _lastLine, $"tune X:{referenceNumber} has no K: field");
        int? tempo;
        try
        {
            tempo = _tempo is null ? null : AbcFields.ParseTempo(_tempo);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new AbcFormatException(source, _tempoLine, e.Message);
        }
        TimeSignature? meter = _meterValue is { } m ? new TimeSignature(0, m.Numerator, m.Denominator) : null;
        var voices = _parser?.Voices ?? [];
        NoteSequence sequence;
        List<AbcChordSymbol> chords;
        try
        {
            (sequence, chords) = AbcPerformer.Perform(source, _lastLine, voices, meter, _keySignature, tempo, _title, _partOrder);
        }
        catch (OverflowException)
        {
            throw new AbcFormatException(source, _lastLine, $"tune X:{referenceNumber}: note lengths are too finely divided to add up exactly");
        }
        return new AbcTune(referenceNumber, _title, _meter, _unitLength!, _key, _body.ToString(), sequence, chords, _startLine);
    }
}

using System.Globalization;
using System.Text;
using Euterpe.Core.Music;

namespace Euterpe.Core.Abc;

/// <summary>
/// Reads ABC notation (the common subset of ABC 2.1 that folk-tune collections use) into performed
/// <see cref="NoteSequence"/>s, one per tune (X: … up to the next blank line).
/// </summary>
public static class AbcReader
{
    private const long MaxFileBytes = 64L << 20;

    /// <summary>Reads every tune of an ABC file.</summary>
    public static IReadOnlyList<AbcTune> ReadTunes(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new EuterpeException($"{path}: file not found");
            if (info.Length > MaxFileBytes) throw new EuterpeException($"{path}: file is larger than {MaxFileBytes >> 20} MiB, too large for an ABC file");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EuterpeException($"{path}: cannot read ({e.Message})", inner: e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses ABC text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static IReadOnlyList<AbcTune> Parse(string text, string sourceName)
    {
        var tunes = new List<AbcTune>();
        var lines = text.Split('\n');
        TuneBuilder? tune = null;
        var inTextBlock = false;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            var lineNumber = n + 1;
            if (line.StartsWith("%%begintext", StringComparison.Ordinal)) { inTextBlock = true; continue; }
            if (inTextBlock)
            {
                if (line.StartsWith("%%endtext", StringComparison.Ordinal)) inTextBlock = false;
                continue;
            }
            if (line.StartsWith("X:", StringComparison.Ordinal))
            {
                if (tune is not null) tunes.Add(tune.Build());
                var number = line[2..].Trim();
                var digits = new string(number.TakeWhile(char.IsAsciiDigit).ToArray());
                if (digits.Length == 0 || digits.Length > 9)
                    throw new AbcFormatException(sourceName, lineNumber, $"reference number 'X:{number}' is not a number");
                tune = new TuneBuilder(sourceName, int.Parse(digits, CultureInfo.InvariantCulture), lineNumber);
                continue;
            }
            if (tune is null) continue; // file header and free text between tunes
            if (string.IsNullOrWhiteSpace(line))
            {
                tunes.Add(tune.Build());
                tune = null;
                continue;
            }
            try
            {
                tune.AddLine(line, lineNumber);
            }
            catch (OverflowException)
            {
                throw new AbcFormatException(sourceName, lineNumber, "note lengths are too finely divided to add up exactly");
            }
        }
        if (tune is not null) tunes.Add(tune.Build());
        if (tunes.Count == 0) throw new AbcFormatException(sourceName, 1, "no tune found (no X: line)");
        return tunes;
    }

    /// <summary>Collects one tune's header, then hands its body lines to the parser.</summary>
    private sealed class TuneBuilder(string source, int referenceNumber, int startLine)
    {
        private readonly AbcHeaderState _header = new();
        private readonly StringBuilder _body = new();
        private AbcBodyParser? _parser;
        private string? _title;
        private string _meter = "";
        private string? _unitLength;
        private string? _tempo;
        private int _tempoLine;
        private string _key = "";
        private (int Numerator, int Denominator)? _meterValue;
        private KeySignature _keySignature;
        private readonly int _startLine = startLine;
        private int _lastLine = startLine;

        private AbcBodyParser Parser => _parser ??= new AbcBodyParser(source, _header);

        public void AddLine(string text, int number)
        {
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
            var key = AbcKey.Parse(_key) ?? throw new AbcFormatException(source, number, $"unreadable key '{keyText}'");
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
                (sequence, chords) = AbcPerformer.Perform(voices, meter, _keySignature, tempo, _title);
            }
            catch (OverflowException)
            {
                throw new AbcFormatException(source, _lastLine, $"tune X:{referenceNumber}: note lengths are too finely divided to add up exactly");
            }
            return new AbcTune(referenceNumber, _title, _meter, _unitLength!, _key, _body.ToString(), sequence, chords, _startLine);
        }
    }
}

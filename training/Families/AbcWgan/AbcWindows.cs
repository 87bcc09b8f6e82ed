using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.AbcWgan;

/// <summary>
/// The ABC WGAN's data: every piece of a music folder as its body in <see cref="AbcCharacterEncoding"/>'s dialect
/// (headers removed: <see cref="AbcCharacterEncoding.Tune"/> adds one back for output), split into training and
/// validation by file (<see cref="DatasetSplit"/>), and windows of up to <see cref="MaxLength"/> characters that start
/// at a bar's start (the body's start or after a bar line), so that a generated segment starts where a bar does.
/// Batch n depends only on the seed and n (<see cref="WindowPicker"/>).
/// </summary>
public sealed class AbcWindows
{
    private readonly List<int[]> _bodies = [];
    private readonly List<int[]> _starts = [];
    private readonly WindowPicker? _picker;

    private AbcWindows(int maxLength, IEnumerable<int[]> bodies, ulong seed)
    {
        MaxLength = maxLength;
        var bar = AbcCharacterEncoding.TokenOf('|');
        foreach (var body in bodies)
        {
            var starts = Enumerable.Range(0, Math.Max(0, body.Length - maxLength + 1)).Where(i => i == 0 || body[i - 1] == bar).ToArray();
            if (starts.Length == 0) continue;
            _bodies.Add(body);
            _starts.Add(starts);
        }
        if (_bodies.Count > 0) _picker = new WindowPicker(_starts.Select(s => (long)s.Length), seed);
    }

    public int MaxLength { get; }

    /// <summary>Pieces long enough for a window.</summary>
    public int Pieces => _bodies.Count;

    public long Windows => _starts.Sum(s => (long)s.Length);

    public long Characters => _bodies.Sum(b => (long)b.Length);

    /// <summary>The bodies' characters as tokens (no tune edges): BLEU's references.</summary>
    public IReadOnlyList<int[]> Bodies => _bodies;

    /// <summary>
    /// Reads a music folder's pieces and splits them by file; files that cannot be read are reported to
    /// <paramref name="warn"/> and skipped. Refuses a folder with no training window.
    /// </summary>
    public static (AbcWindows Train, AbcWindows Validation, int Files) Load(string folder, int maxLength, double validationFraction, ulong seed, Action<string>? warn = null)
    {
        var files = MusicFiles.List(folder);
        if (files.Count == 0) throw new EuterpeException($"{folder}: no music files (.mid, .midi, .kar, .abc)");
        var validation = DatasetSplit.ValidationMask(files.Count, validationFraction, seed);
        var (train, held) = (new List<int[]>(), new List<int[]>());
        for (var f = 0; f < files.Count; f++)
        {
            IReadOnlyList<(string Name, Core.Music.NoteSequence Sequence)> pieces;
            try
            {
                pieces = MusicFiles.Load(files[f]);
            }
            catch (EuterpeException e)
            {
                warn?.Invoke($"warning: skipped {e.Message}");
                continue;
            }
            foreach (var (_, piece) in pieces)
            {
                var body = AbcCharacterEncoding.Body(piece);
                if (body.Length == 0) continue;
                var tokens = AbcCharacterEncoding.Encode(body);
                (validation[f] ? held : train).Add(tokens[1..^1]);
            }
        }
        var windows = new AbcWindows(maxLength, train, seed);
        if (windows.Pieces == 0) throw new EuterpeException($"{folder}: no piece has a melody of {maxLength} characters or more to train on");
        return (windows, new AbcWindows(maxLength, held, seed), files.Count);
    }

    /// <summary>Windows from given bodies (tokens without tune edges), for tests and BLEU.</summary>
    public static AbcWindows Of(int maxLength, IEnumerable<int[]> bodies, ulong seed) => new(maxLength, bodies, seed);

    /// <summary>Batch <paramref name="draw"/>: <paramref name="batch"/> windows of <paramref name="length"/> characters as one-hot rows [batch, length, V].</summary>
    public void FillOneHot(long draw, int batch, int length, int vocabulary, float[] oneHot)
    {
        if (_picker is null) throw new InvalidOperationException("no windows");
        Array.Clear(oneHot, 0, batch * length * vocabulary);
        _picker.Begin(draw);
        for (var b = 0; b < batch; b++)
        {
            var (piece, at) = _picker.Next();
            var start = _starts[piece][at];
            for (var t = 0; t < length; t++) oneHot[(b * length + t) * vocabulary + _bodies[piece][start + t]] = 1;
        }
    }

    /// <summary>Up to <paramref name="count"/> windows spread evenly over all windows: their tokens.</summary>
    public List<int[]> Spread(int count, int length)
    {
        var all = _starts.SelectMany((s, piece) => s.Select(start => (piece, start))).ToList();
        var take = Math.Min(count, all.Count);
        return [.. Enumerable.Range(0, take).Select(i => all[(int)((long)i * all.Count / take)]).Select(w => _bodies[w.piece][w.start..(w.start + length)])];
    }
}

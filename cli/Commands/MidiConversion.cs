using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Commands;

/// <summary>
/// What <c>midi convert</c> does to a piece, always in this order: keep one track, merge the tracks, quantise,
/// slice, transpose. Quantising comes before slicing so that the grid is the piece's own beats, not beats counted
/// from wherever a slice starts; transposing commutes with the rest and goes last.
/// </summary>
internal sealed record MidiConversion
{
    /// <summary>Largest transposition accepted, in semitones either way: the whole MIDI key range.</summary>
    public const int MaxSemitones = 127;

    /// <summary>Track index to keep alone (as <c>midi info</c> numbers them, from 0); null keeps every track.</summary>
    public int? Track { get; init; }

    /// <summary>Put every note and event on track 0 (a single-track file).</summary>
    public bool MergeTracks { get; init; }

    /// <summary>Grid of <see cref="NoteQuantizer"/> in steps per quarter note; null leaves times alone.</summary>
    public int? StepsPerBeat { get; init; }

    /// <summary>Start of a time slice in seconds (from 0 when only <see cref="ToSeconds"/> is given).</summary>
    public double? FromSeconds { get; init; }

    /// <summary>End of a time slice in seconds (the piece's end when only <see cref="FromSeconds"/> is given).</summary>
    public double? ToSeconds { get; init; }

    /// <summary>
    /// A bar slice: its first bar, counted from 1 as a score or a DAW's ruler counts them, and how many bars it keeps
    /// (fewer when the piece ends sooner).
    /// </summary>
    public (int First, int Count)? Bars { get; init; }

    public int Semitones { get; init; }

    /// <summary>Parses <c>FIRST:COUNT</c> into (first bar, bar count), both at least 1.</summary>
    public static (int First, int Count) ParseBars(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first) && first >= 1
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
            return (first, count);
        throw new EuterpeException($"--bars {text}: expected FIRST:COUNT, two whole numbers from 1 (e.g. 9:8 for bars 9 to 16)");
    }

    /// <summary>Refuses option values and combinations that cannot mean anything, before any file is read.</summary>
    public void Check()
    {
        if (Bars is not null && (FromSeconds is not null || ToSeconds is not null))
            throw new EuterpeException("--bars cannot be combined with --from or --to: slice by bars or by seconds");
        if (FromSeconds is { } from && !(from >= 0 && double.IsFinite(from)))
            throw new EuterpeException(Invariant($"--from {from}: must be a number of seconds from 0"));
        if (ToSeconds is { } to && !(to > (FromSeconds ?? 0) && double.IsFinite(to)))
            throw new EuterpeException(Invariant($"--to {to}: must be a number of seconds after --from ({FromSeconds ?? 0} s)"));
        if (StepsPerBeat is < 1) throw new EuterpeException($"--quantize {StepsPerBeat}: steps per beat must be 1 or more");
        if (Math.Abs(Semitones) > MaxSemitones) throw new EuterpeException($"--transpose {Semitones}: must be within ±{MaxSemitones} semitones");
        if (Track is < 0) throw new EuterpeException($"--track {Track}: tracks are numbered from 0");
    }

    /// <summary>The piece with every asked-for operation applied; <paramref name="source"/> names it in errors.</summary>
    public NoteSequence Apply(NoteSequence piece, string source)
    {
        if (Track is { } track)
        {
            var last = Math.Max(piece.Tracks.Select(t => t.Index).DefaultIfEmpty(-1).Max(), piece.Notes.Select(n => n.Track).DefaultIfEmpty(-1).Max());
            if (track > last) throw new EuterpeException($"{source}: no track {track} (its tracks are 0..{last})");
            piece = TrackOperations.Track(piece, track);
        }
        if (MergeTracks) piece = TrackOperations.Merge(piece);
        if (StepsPerBeat is { } steps) piece = NoteQuantizer.Quantize(piece, steps);
        piece = Slice(piece, source);
        if (Semitones != 0) piece = NoteTransposer.Transpose(piece, Semitones, TransposeRangePolicy.FoldOctaves);
        if (piece.Notes.Count == 0) throw new EuterpeException($"{source}: no notes left to write after the conversion");
        return piece;
    }

    private NoteSequence Slice(NoteSequence piece, string source)
    {
        if (Bars is (var first, var count))
        {
            var bars = BarGrid.Bars(piece).Count;
            if (first > bars) throw new EuterpeException($"{source}: --bars starts at bar {first}, but the piece has {bars} bars");
            return NoteSlicer.SliceBars(piece, first - 1, Math.Min(count, bars - first + 1));
        }
        if (FromSeconds is null && ToSeconds is null) return piece;
        var from = FromSeconds ?? 0;
        var end = piece.TotalSeconds;
        if (from >= end) throw new EuterpeException(Invariant($"{source}: the slice starts at {from} s, after its last note ends ({end:0.###} s)"));
        return NoteSlicer.SliceSeconds(piece, from, ToSeconds ?? end);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

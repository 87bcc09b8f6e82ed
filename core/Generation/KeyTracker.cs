namespace Euterpe.Core.Generation;

/// <summary>
/// Follows the key of music as it is generated: a pitch-class histogram of the note onsets, each weighing less the
/// older it is (halved every <see cref="HalfLifeSeconds"/>), and the major scale (with its relative minor, the same
/// seven pitch classes) that holds most of that weight. A sampled event stream strays from its key note by note
/// where real music keeps to one for bars; a generator can hold it to the key it is in without choosing one for it.
/// Allocation-free; times must not go backwards.
/// </summary>
public sealed class KeyTracker
{
    /// <summary>Seconds after which an onset counts half (a phrase: the key may move, but not note by note).</summary>
    public const double HalfLifeSeconds = 8;

    /// <summary>Onsets (by their current weight) heard before a key is named.</summary>
    public const double MinWeight = 4;

    private readonly double[] _weights = new double[12];
    private double _last;
    private double _total;

    /// <summary>The tonic of the major scale the recent onsets fit best (0 = C … 11 = B), or −1 before <see cref="MinWeight"/>.</summary>
    public int Root { get; private set; } = -1;

    public void Reset()
    {
        Array.Clear(_weights);
        _last = 0;
        _total = 0;
        Root = -1;
    }

    /// <summary>A note starts at <paramref name="seconds"/>.</summary>
    public void Onset(int pitch, double seconds)
    {
        var decay = seconds > _last ? Math.Pow(0.5, (seconds - _last) / HalfLifeSeconds) : 1;
        _last = Math.Max(_last, seconds);
        if (decay < 1)
        {
            for (var pc = 0; pc < 12; pc++) _weights[pc] *= decay;
            _total *= decay;
        }
        _weights[((pitch % 12) + 12) % 12] += 1;
        _total += 1;
        Root = _total >= MinWeight ? MusicalScale.BestMajorTonic(_weights) : -1;
    }

    /// <summary>Whether <paramref name="pitch"/> is in the tracked scale (true while no key is named).</summary>
    public bool InKey(int pitch) => Root < 0 || MusicalScale.Contains(MusicalScale.Major, Root, pitch);
}

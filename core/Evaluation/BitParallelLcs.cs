namespace Euterpe.Core.Evaluation;

/// <summary>
/// Length of the longest common subsequence with 64 table cells per machine word (the bit-vector method of
/// Allison &amp; Dix / Crochemore et al.): for a pattern of n symbols, each symbol of the other string costs
/// n/64 word operations. The pattern's match masks are built once and reused against many strings.
/// </summary>
internal sealed class BitParallelLcs
{
    private readonly Dictionary<int, ulong[]> _masks = [];
    private readonly int _words;

    public BitParallelLcs(ReadOnlySpan<int> pattern)
    {
        PatternLength = pattern.Length;
        _words = (pattern.Length + 63) / 64;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (!_masks.TryGetValue(pattern[i], out var mask)) _masks[pattern[i]] = mask = new ulong[_words];
            mask[i >> 6] |= 1UL << (i & 63);
        }
    }

    public int PatternLength { get; }

    public int Length(ReadOnlySpan<int> other)
    {
        if (PatternLength == 0) return 0;
        // Bit i of v is 0 where row i of the table steps up; start with all ones (empty prefix).
        var v = new ulong[_words];
        Array.Fill(v, ulong.MaxValue);
        foreach (var c in other)
        {
            if (!_masks.TryGetValue(c, out var m)) continue; // no match: the row is unchanged
            ulong carry = 0;
            for (var w = 0; w < _words; w++)
            {
                var x = v[w];
                var u = x & m[w];
                var sum = x + u;
                var carryOut = sum < x ? 1UL : 0UL;
                var withCarry = sum + carry;
                if (withCarry < sum) carryOut = 1;
                carry = carryOut;
                v[w] = withCarry | (x & ~m[w]);
            }
        }
        var zeros = 0;
        for (var w = 0; w < _words; w++)
        {
            var bits = Math.Min(64, PatternLength - w * 64);
            var valid = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            zeros += System.Numerics.BitOperations.PopCount(~v[w] & valid);
        }
        return zeros;
    }
}

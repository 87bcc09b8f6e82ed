namespace Euterpe.Core.Evaluation;

/// <summary>
/// Suffix automaton of an integer string: built in O(m), it finds the longest common substring with another
/// string in O(n), instead of the O(n·m) table.
/// </summary>
internal sealed class SuffixAutomaton
{
    private readonly List<int> _length = [0];
    private readonly List<int> _link = [-1];
    private readonly List<Dictionary<int, int>> _next = [new()];

    public SuffixAutomaton(ReadOnlySpan<int> text)
    {
        var last = 0;
        foreach (var c in text) last = Extend(last, c);
    }

    public int LongestCommonSubstring(ReadOnlySpan<int> other)
    {
        int state = 0, length = 0, best = 0;
        foreach (var c in other)
        {
            while (state != 0 && !_next[state].ContainsKey(c))
            {
                state = _link[state];
                length = _length[state];
            }
            if (_next[state].TryGetValue(c, out var target))
            {
                state = target;
                length++;
            }
            best = Math.Max(best, length);
        }
        return best;
    }

    private int Extend(int last, int c)
    {
        var current = NewState(_length[last] + 1, -1, []);
        var p = last;
        while (p != -1 && !_next[p].ContainsKey(c))
        {
            _next[p][c] = current;
            p = _link[p];
        }
        if (p == -1)
        {
            _link[current] = 0;
            return current;
        }
        var q = _next[p][c];
        if (_length[p] + 1 == _length[q])
        {
            _link[current] = q;
            return current;
        }
        var clone = NewState(_length[p] + 1, _link[q], new Dictionary<int, int>(_next[q]));
        while (p != -1 && _next[p].TryGetValue(c, out var t) && t == q)
        {
            _next[p][c] = clone;
            p = _link[p];
        }
        _link[q] = clone;
        _link[current] = clone;
        return current;
    }

    private int NewState(int length, int link, Dictionary<int, int> next)
    {
        _length.Add(length);
        _link.Add(link);
        _next.Add(next);
        return _length.Count - 1;
    }
}

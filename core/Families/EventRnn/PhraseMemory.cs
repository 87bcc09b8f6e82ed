namespace Euterpe.Core.Families.EventRnn;

/// <summary>
/// The tokens of the event RNN's last two phrases (fixed spans of model time), so that a phrase can be played again:
/// real songs repeat about a fifth of their 4-bar phrases, a sampled event stream almost never does. A phrase is
/// repeatable when it began exactly on its boundary (time shifts are split there) and fitted the buffer. Preallocated;
/// nothing allocates after construction.
/// </summary>
public sealed class PhraseMemory
{
    /// <summary>Most tokens a repeatable phrase may hold (8 s of dense performance events is about 1,500).</summary>
    public const int Capacity = 4096;

    private readonly int[][] _tokens = [new int[Capacity], new int[Capacity]];
    private readonly int[] _count = new int[2];
    private readonly bool[] _repeatable = new bool[2];
    private int _current;

    /// <summary>Forgets both phrases; the one that starts now is repeatable.</summary>
    public void Reset()
    {
        _count[0] = _count[1] = 0;
        _repeatable[0] = true;
        _repeatable[1] = false;
        _current = 0;
    }

    /// <summary>Adds a token to the phrase being played.</summary>
    public void Record(int token)
    {
        if (_count[_current] == Capacity) _repeatable[_current] = false;
        else _tokens[_current][_count[_current]++] = token;
    }

    /// <summary>The phrase being played can no longer be repeated exactly (a primer or a live note went into it).</summary>
    public void Spoil() => _repeatable[_current] = false;

    /// <summary>Closes the phrase being played at its boundary and starts the next.</summary>
    public void Next()
    {
        _current = 1 - _current;
        _count[_current] = 0;
        _repeatable[_current] = true;
    }

    /// <summary>The phrase before the one being played, when it can be repeated; empty otherwise.</summary>
    public ReadOnlySpan<int> Previous => _repeatable[1 - _current] ? _tokens[1 - _current].AsSpan(0, _count[1 - _current]) : default;
}

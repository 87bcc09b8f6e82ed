namespace Euterpe.Training.Runs;

/// <summary>
/// Picks training windows across several sequences in proportion to the windows each holds: draw n of a batch depends
/// only on the seed, the step and n (SplitMix64), so a resumed run draws exactly what an uninterrupted one would.
/// </summary>
public sealed class WindowPicker
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private readonly long[] _cumulative;
    private readonly ulong _seed;
    private ulong _state;

    /// <param name="windows">Windows each sequence holds (all positive).</param>
    public WindowPicker(IEnumerable<long> windows, ulong seed)
    {
        long total = 0;
        _cumulative = [.. windows.Select(w => total += w)];
        _seed = seed;
    }

    /// <summary>Starts the draws of batch <paramref name="step"/>.</summary>
    public void Begin(long step) => _state = Mix(_seed ^ Mix((ulong)step + Golden));

    /// <summary>The next window: which sequence, and the window's start within it.</summary>
    public (int Sequence, long Start) Next()
    {
        _state = Mix(_state + Golden);
        var position = (long)(_state % (ulong)_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, position + 1);
        if (index < 0) index = ~index;
        return (index, position - (index == 0 ? 0 : _cumulative[index - 1]));
    }

    /// <summary>A whole number in 0…<paramref name="count"/>−1 from the same draws (e.g. a window's augmentation).</summary>
    public int NextInt(int count)
    {
        _state = Mix(_state + Golden);
        return (int)(_state % (ulong)count);
    }

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

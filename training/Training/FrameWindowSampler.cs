using Euterpe.Core;
using Euterpe.Training.Data;

namespace Euterpe.Training.Training;

/// <summary>
/// Random training windows of T + 1 consecutive frames of one file (input = first T, target = last T). Batch n
/// depends only on the seed and n, so a resumed run draws what the uninterrupted run would have drawn. Files are
/// picked in proportion to the windows they hold.
/// </summary>
public sealed class FrameWindowSampler
{
    private readonly AudioFrameSplit _split;
    private readonly int[] _files;
    private readonly long[] _cumulative;
    private readonly ulong _seed;

    public FrameWindowSampler(AudioFrameSplit split, int steps, ulong seed, string source)
    {
        _split = split;
        Steps = steps;
        _seed = seed;
        _files = [.. Enumerable.Range(0, split.FileCount).Where(f => split.FileFrames(f) > steps)];
        if (_files.Length == 0) throw new EuterpeException($"{source}: no training file holds more than --seq-len {steps} frames");
        _cumulative = new long[_files.Length];
        long total = 0;
        for (var i = 0; i < _files.Length; i++) _cumulative[i] = total += split.FileFrames(_files[i]) - steps;
    }

    public int Steps { get; }

    /// <summary>Fills inputs and targets ([batch, T, FrameSize] row-major each).</summary>
    public void Fill(long step, int batch, float[] inputs, float[] targets)
    {
        var f = _split.FrameSize;
        var row = Steps * f;
        var state = WindowSampler.Mix(_seed ^ WindowSampler.Mix((ulong)step + 0x9E3779B97F4A7C15UL));
        for (var b = 0; b < batch; b++)
        {
            state = WindowSampler.Mix(state + 0x9E3779B97F4A7C15UL);
            var position = (long)(state % (ulong)_cumulative[^1]);
            var index = Array.BinarySearch(_cumulative, position + 1);
            if (index < 0) index = ~index;
            var start = _split.Offsets[_files[index]] + position - (index == 0 ? 0 : _cumulative[index - 1]);
            _split.Frames.AsSpan((int)(start * f), row).CopyTo(inputs.AsSpan(b * row, row));
            _split.Frames.AsSpan((int)((start + 1) * f), row).CopyTo(targets.AsSpan(b * row, row));
        }
    }
}

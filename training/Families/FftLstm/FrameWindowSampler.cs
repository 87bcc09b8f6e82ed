using Euterpe.Core;
using Euterpe.Training.Data;
using Euterpe.Training.Runs;

namespace Euterpe.Training.Families.FftLstm;

/// <summary>
/// Random training windows of T + 1 consecutive frames of one file (input = first T, target = last T), drawn by
/// <see cref="WindowPicker"/>: batch n depends only on the seed and n, and files are picked in proportion to the
/// windows they hold.
/// </summary>
public sealed class FrameWindowSampler
{
    private readonly AudioFrameSplit _split;
    private readonly int[] _files;
    private readonly WindowPicker _picker;

    public FrameWindowSampler(AudioFrameSplit split, int steps, ulong seed, string source)
    {
        _split = split;
        Steps = steps;
        _files = [.. Enumerable.Range(0, split.FileCount).Where(f => split.FileFrames(f) > steps)];
        if (_files.Length == 0) throw new EuterpeException($"{source}: no training file holds more than --seq-len {steps} frames");
        _picker = new WindowPicker(_files.Select(f => (long)(split.FileFrames(f) - steps)), seed);
    }

    public int Steps { get; }

    /// <summary>Fills inputs and targets ([batch, T, FrameSize] row-major each).</summary>
    public void Fill(long step, int batch, float[] inputs, float[] targets)
    {
        var f = _split.FrameSize;
        var row = Steps * f;
        _picker.Begin(step);
        for (var b = 0; b < batch; b++)
        {
            var (index, at) = _picker.Next();
            var start = _split.Offsets[_files[index]] + at;
            _split.Frames.AsSpan((int)(start * f), row).CopyTo(inputs.AsSpan(b * row, row));
            _split.Frames.AsSpan((int)((start + 1) * f), row).CopyTo(targets.AsSpan(b * row, row));
        }
    }
}

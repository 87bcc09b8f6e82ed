namespace Euterpe.Training.Data;

/// <summary>
/// One split of an audio frame cache in memory: every file's frames back to back ([count, FrameSize] row-major) and
/// where each file starts (<see cref="Offsets"/> has files + 1 entries, in frames).
/// </summary>
public sealed record AudioFrameSplit(float[] Frames, long[] Offsets, int FrameSize)
{
    public int FileCount => Offsets.Length - 1;

    public long FrameCount => Offsets[^1];

    public int FileFrames(int file) => (int)(Offsets[file + 1] - Offsets[file]);
}

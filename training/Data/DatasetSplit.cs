using Euterpe.Core;
using Euterpe.Core.Generation;

namespace Euterpe.Training.Data;

/// <summary>
/// The train/validation split, by file so that no piece (or ABC tune of the same file) leaks across: the files,
/// in their listed order, are shuffled by a seeded Fisher–Yates and the first round(fraction × n) go to validation
/// (at least one and at most n − 1 when the fraction is positive and there are two files or more). The split is
/// made before any file is read, so a skipped file never moves another one across.
/// </summary>
public static class DatasetSplit
{
    public static bool[] ValidationMask(int fileCount, double validationFraction, ulong seed)
    {
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw new EuterpeException($"--validation-fraction: {validationFraction} is not in [0, 1)");
        var mask = new bool[fileCount];
        var count = (int)Math.Round(validationFraction * fileCount, MidpointRounding.AwayFromZero);
        if (validationFraction > 0 && fileCount >= 2) count = Math.Clamp(count, 1, fileCount - 1);
        count = Math.Min(count, fileCount);
        var order = Enumerable.Range(0, fileCount).ToArray();
        var random = new RandomSource(seed);
        for (var i = fileCount - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        for (var i = 0; i < count; i++) mask[order[i]] = true;
        return mask;
    }
}

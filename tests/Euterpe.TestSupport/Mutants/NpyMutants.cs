using System.Text;

namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Seeded mutants of a float32 .npy input of a known shape: broken magic, versions and headers, wrong dtypes and
/// shapes, shapes whose product is huge (a memory bomb if trusted), short data and NaN values.
/// </summary>
public static class NpyMutants
{
    /// <summary><paramref name="count"/> mutants of a float32 array of <paramref name="shape"/>; the first is a valid control.</summary>
    public static IReadOnlyList<FileMutant> Create(int[] shape, int seed, int count)
    {
        var n = shape.Aggregate(1, (a, b) => a * b);
        var data = Floats(n, 0.5f);
        var good = Write("<f4", Shape(shape), data);
        var nan = Floats(n, float.NaN);
        var designed = new List<FileMutant>
        {
            new("original", good, Expectation.Good),
            new("empty-file", [], Expectation.Bad),
            new("magic-only", good[..6], Expectation.Bad),
            new("bad-magic", [.. good[..5], (byte)'Z', .. good[6..]], Expectation.Bad),
            new("version-9", [.. good[..6], 9, 0, .. good[8..]], Expectation.Bad),
            new("header-len-huge", [.. good[..8], 0xFF, 0xFF, .. good[10..]], Expectation.Bad),
            new("header-not-dict", Raw("[1, 2, 3]", data), Expectation.Bad),
            new("header-garbage", Raw("{'descr': '<f4', 'fortran_order': False, 'shape': (1, \x00\x01", data), Expectation.Bad),
            new("header-no-shape", Raw("{'descr': '<f4', 'fortran_order': False, }", data), Expectation.Bad),
            new("descr-f8", Write("<f8", Shape(shape), [.. data, .. data]), Expectation.Bad),
            new("descr-object", Write("|O", Shape(shape), data), Expectation.Bad),
            new("descr-unknown", Write("<q7", Shape(shape), data), Expectation.Bad),
            new("big-endian", Write(">f4", Shape(shape), data), Expectation.Either),
            new("fortran-order", Raw($"{{'descr': '<f4', 'fortran_order': True, 'shape': {Shape(shape)}, }}", data), Expectation.Either),
            new("shape-wrong", Write("<f4", $"({n}, 1, 1, 1)", data), Expectation.Bad),
            new("shape-scalar", Write("<f4", "()", data[..4]), Expectation.Bad),
            new("shape-negative", Write("<f4", "(-1, 14)", data), Expectation.Bad),
            new("shape-huge", Write("<f4", "(1000000000, 1000000000)", data), Expectation.Bad),
            new("shape-overflow", Write("<f4", "(4294967296, 4294967296, 4294967296)", data), Expectation.Bad),
            new("data-short", good[..^5], Expectation.Bad),
            new("data-long", [.. good, .. data], Expectation.Either),
            new("nan-values", Write("<f4", Shape(shape), nan), Expectation.Either),
        };
        return MutantPicker.Pick(designed, seed, count, (rng, i) =>
            new FileMutant($"flips-{i}", MutantPicker.FlipBits(good, rng, 1 + rng.Next(6)), Expectation.Either));
    }

    /// <summary>A version 1.0 .npy file: the header dict of <paramref name="descr"/> and <paramref name="shape"/> (Python syntax), then the data.</summary>
    public static byte[] Write(string descr, string shape, byte[] data) =>
        Raw($"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}", data);

    /// <summary>A Python tuple for <paramref name="shape"/>: <c>(1, 14)</c>, <c>(3,)</c>.</summary>
    public static string Shape(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";

    /// <summary><paramref name="count"/> little-endian floats of <paramref name="value"/>.</summary>
    public static byte[] Floats(int count, float value)
    {
        var bytes = new byte[count * 4];
        for (var i = 0; i < count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), value);
        return bytes;
    }

    // Magic, version 1.0, the header padded with spaces to a multiple of 64 and ended by a newline, then the data.
    private static byte[] Raw(string header, byte[] data)
    {
        var length = 10 + header.Length + 1;
        var padded = header + new string(' ', (64 - length % 64) % 64) + "\n";
        var headerBytes = Encoding.Latin1.GetBytes(padded);
        return [0x93, .. "NUMPY"u8, 1, 0,
            (byte)(headerBytes.Length & 0xFF), (byte)(headerBytes.Length >> 8), .. headerBytes, .. data];
    }
}

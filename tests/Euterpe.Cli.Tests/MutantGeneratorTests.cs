using Euterpe.TestSupport.Mutants;

namespace Euterpe.Cli.Tests;

/// <summary>The hardening campaign's generators (TestSupport/Mutants): re-runnable, so the same seed gives the same mutants.</summary>
public sealed class MutantGeneratorTests
{
    private static byte[] SeedWav => File.ReadAllBytes(RepositoryRoot.Combine("presets", "fft-lstm-bilinear-openmsx", "seed.wav"));

    [Fact]
    public void The_same_seed_gives_the_same_mutants_and_the_control_comes_first()
    {
        var first = WavMutants.Create(SeedWav, seed: 7, count: 40);
        var again = WavMutants.Create(SeedWav, seed: 7, count: 40);
        Assert.Equal(40, first.Count);
        Assert.Equal(first.Select(m => m.Name), again.Select(m => m.Name));
        Assert.All(first.Zip(again), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        Assert.Equal(("original", Expectation.Good), (first[0].Name, first[0].Expect));
        Assert.Equal(SeedWav, first[0].Bytes);
        Assert.NotEqual(first.Select(m => m.Name), WavMutants.Create(SeedWav, seed: 8, count: 40).Select(m => m.Name));
    }

    [Fact]
    public void A_manifest_field_mutant_changes_only_that_field()
    {
        var manifest = File.ReadAllText(RepositoryRoot.Combine("presets", "event-rnn-openmsx", "manifest.json"));
        var changed = System.Text.Json.Nodes.JsonNode.Parse(PresetMutants.Set(manifest, ".io.tokenInput.shape[1]", -1))!;
        Assert.Equal(-1, (int)changed["io"]!["tokenInput"]!["shape"]![1]!);
        Assert.Equal("event-rnn-openmsx", (string)changed["id"]!);
    }

    [Fact]
    public void A_valid_npy_mutant_has_numpys_header_layout()
    {
        var npy = NpyMutants.Create([1, 14], seed: 1, count: 1)[0].Bytes;
        // \x93NUMPY, version 1.0, a header length that makes magic + header a multiple of 64, then 14 floats.
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], npy[..8]);
        var headerLength = npy[8] | (npy[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Equal(10 + headerLength + 14 * 4, npy.Length);
        Assert.Contains("'shape': (1, 14)", System.Text.Encoding.Latin1.GetString(npy, 10, headerLength));
    }
}

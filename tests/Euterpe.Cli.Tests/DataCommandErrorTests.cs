namespace Euterpe.Cli.Tests;

/// <summary>User mistakes in the data, train, export and generate commands: one error line and exit code 2.</summary>
public sealed class DataCommandErrorTests : IDisposable
{
    private readonly DataCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static void AssertError(string expected, params string[] args)
    {
        var (code, stdout, stderr) = DataCli.Invoke(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void MissingDataFolder()
    {
        var missing = _cli.Path("no-such-folder");
        AssertError($"{missing}: folder not found", "data", "prepare", "--data", missing, "--encoding", "notes", "--out", _cli.Path("c"));
        AssertError($"{missing}: folder not found", "train", "ngram", "--data", missing, "--out", _cli.Path("r"));
        Assert.False(Directory.Exists(_cli.Path("c")));
    }

    [Fact]
    public void UnknownEncoding() =>
        AssertError("--encoding: unknown encoding 'midi' (expected one of: performance, notes, abc, fft-frames, pianoroll, multitrack)",
            "data", "prepare", "--data", _cli.Root, "--encoding", "midi", "--out", _cli.Path("c"));

    [Theory]
    [InlineData("event-rnn", "--steps", "0", "--steps: must be at least 1 (got 0)")]
    [InlineData("event-rnn", "--batch", "0", "--batch: must be at least 1 (got 0)")]
    [InlineData("event-rnn", "--lr", "0", "--lr: must be positive (got 0)")]
    [InlineData("event-rnn", "--dropout", "1", "--dropout: must be at least 0 and below 1 (got 1)")]
    [InlineData("event-rnn", "--threads", "-1", "--threads -1: must be positive (or 0 for the default)")]
    [InlineData("event-rnn", "--validation-fraction", "1", "--validation-fraction: 1 is not in [0, 1)")]
    [InlineData("fft-lstm", "--steps", "0", "--steps 0: must be at least 1")]
    [InlineData("fft-lstm", "--seq-len", "0", "--seq-len 0: must be at least 1")]
    [InlineData("fft-lstm", "--device", "tpu", "--device tpu: must be cpu or cuda")]
    [InlineData("fft-lstm", "--level-classes", "1", "--level-classes 1: must be 0 (no level head) or 2…1024")]
    [InlineData("fft-lstm", "--threads", "-2", "--threads -2: must be positive (or 0 for the default)")]
    [InlineData("ngram", "--order", "0", "--order")]
    [InlineData("ngram", "--validation-fraction", "-0.5", "--validation-fraction: -0.5 is not in [0, 1)")]
    public void TrainOptionValuesAreCheckedBeforeAnyDataIsRead(string family, string option, string value, string expected)
    {
        // --data names nothing: an option error first proves the option was checked before the data was looked at.
        var missing = _cli.Path("no-such-data");
        AssertError($"error: {expected}", "train", family, "--data", missing, "--out", _cli.Path("r"), option, value);
        Assert.False(Directory.Exists(_cli.Path("r")));
    }

    [Fact]
    public void HelpListsEveryEncodingTheErrorDoes()
    {
        var (code, stdout, _) = DataCli.Invoke("data", "prepare", "--help");
        Assert.Equal(0, code);
        Assert.Contains("performance | notes | abc | fft-frames", stdout);
    }

    [Fact]
    public void RawAudioMistakes()
    {
        // train fft-lstm wants an audio frame cache and a known architecture; a broken raw-audio preset names its file.
        AssertError("--arch: unknown architecture 'lstm'", "train", "fft-lstm", "--data", _cli.Root, "--arch", "lstm", "--out", _cli.Path("r"));
        AssertError($"{_cli.Root}: not an audio frame cache (no audio.json)", "train", "fft-lstm", "--data", _cli.Root, "--out", _cli.Path("r"));
        Assert.False(Directory.Exists(_cli.Path("r")));
        var preset = _cli.Path("audio");
        Directory.CreateDirectory(preset);
        File.WriteAllText(Path.Combine(preset, "manifest.json"), """{ "formatVersion": 1, "id": "a", "displayName": "A", "family": "fft-lstm", "representation": "fft-frames" }""");
        File.WriteAllBytes(Path.Combine(preset, "model.onnx"), [1, 2, 3]);
        AssertError("manifest.json: missing \"io\"", "generate", preset, "--seconds", "2", "--out", _cli.Path("a.wav"));
        Assert.False(File.Exists(_cli.Path("a.wav")));
    }

    [Fact]
    public void PresetOfAnUnknownFamily()
    {
        var preset = _cli.Path("vae");
        Directory.CreateDirectory(preset);
        File.WriteAllText(Path.Combine(preset, "manifest.json"), """{ "id": "x", "family": "music-vae" }""");
        AssertError("family \"music-vae\" is not one Euterpe plays (known: event-rnn, conditional-event-rnn, ngram, fft-lstm, char-rnn, conditional-char-rnn, abc-wgan, rnn-gan, seqgan, seq-ae, dcgan, iwgan, dcrnn, pix2pix, wgan-gp)", "generate", preset, "--seconds", "4", "--out", _cli.Path("x.mid"));
        AssertError("not a preset (no manifest.json)", "generate", _cli.Root, "--seconds", "4", "--out", _cli.Path("x.mid"));
        Assert.False(File.Exists(_cli.Path("x.mid")));
    }

    [Fact]
    public void NGramNeedsANotesCacheAndExportNeedsARun()
    {
        var corpus = _cli.Corpus("corpus", "coconut_run2.mid", "ultimate_run.mid");
        var cache = _cli.Path("perf");
        Assert.Equal(0, DataCli.Invoke("data", "prepare", "--data", corpus, "--encoding", "performance", "--out", cache).Code);
        AssertError("the cache is encoded as performance; the n-gram model needs melodies (prepare it with --encoding notes)", "train", "ngram", "--data", cache, "--out", _cli.Path("r"));
        AssertError("not a training run", "export", corpus, "--out", _cli.Path("p"));
        AssertError("--order: 0 is not in 1..8", "train", "ngram", "--data", corpus, "--out", _cli.Path("r"), "--order", "0");
    }

    [Theory]
    // They read a piano-roll cache as a folder and said it held no music files.
    [InlineData("event-rnn", "performance")]
    [InlineData("char-rnn", "abc")]
    [InlineData("seqgan", "notes")]
    [InlineData("ngram", "notes")]
    public void TokenTrainersNameAPianoRollCacheForWhatItIs(string family, string encoding)
    {
        var cache = _cli.PreparedCache("pianoroll", "coconut_run2.mid", "ultimate_run.mid", "busy_schedule.mid");
        AssertError($": not a {encoding} cache; prepare one with `euterpe data prepare --encoding {encoding}`, or pass a folder of music files",
            "train", family, "--data", cache, "--out", _cli.Path("r"));
        Assert.False(Directory.Exists(_cli.Path("r")));
    }
}

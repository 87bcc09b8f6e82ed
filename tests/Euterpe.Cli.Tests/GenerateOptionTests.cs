namespace Euterpe.Cli.Tests;

/// <summary>
/// `generate` on the shipped presets with options their family does not read, and output names of the other medium:
/// each used to be ignored (the n-gram wrote its melody without the key, the event RNN its MIDI at 120 bpm, fft-lstm a
/// WAV under a .mid name) and is now one error line, exit 2, nothing written.
/// </summary>
public sealed class GenerateOptionTests : IDisposable
{
    private readonly TempFolder _temp = new("generate-options-");

    public void Dispose() => _temp.Dispose();

    private static string Preset(string name) => RepositoryRoot.Combine("presets", name);

    private string Refused(string preset, string output, params string[] options)
    {
        var path = _temp.File(output);
        var (code, stdout, stderr) = DataCli.Invoke(["generate", Preset(preset), "--seconds", "2", "--out", path, .. options]);
        Assert.True(code == 2, $"exit {code}: {stdout}{stderr}");
        Assert.False(File.Exists(path));
        return Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("ngram-openmsx", "--key", "C:major", "error: --key: the ngram family does not use it (it takes --temperature, --prime, --prime-seconds, --tempo)")]
    [InlineData("ngram-openmsx", "--density", "3", "error: --density: the ngram family does not use it (it takes --temperature, --prime, --prime-seconds, --tempo)")]
    [InlineData("event-rnn-openmsx", "--tempo", "90", "error: --tempo: the conditional-event-rnn family does not use it (it takes --temperature, --prime, --prime-seconds, --density, --key)")]
    [InlineData("event-rnn-openmsx", "--variation", "0.1", "error: --variation: the conditional-event-rnn family does not use it (it takes --temperature, --prime, --prime-seconds, --density, --key)")]
    [InlineData("dcgan-openmsx", "--form", "ABCAB", "error: --form: the dcgan family does not use it (it takes --tempo, --threshold)")]
    [InlineData("seq-ae-openmsx", "--morph", "0.5", "error: --morph: the seq-ae family does not use it (it takes --temperature, --tempo, --walk-rate, --theme-return)")]
    public void An_option_the_family_does_not_read_is_refused(string preset, string option, string value, string expected)
    {
        Assert.Equal(expected, Refused(preset, "x.mid", option, value));
    }

    [Theory]
    [InlineData("--tempo", "90")]
    [InlineData("--key", "C:major")]
    public void The_raw_audio_family_refuses_note_options(string option, string value)
    {
        Assert.Equal($"error: {option}: the fft-lstm family does not use it (it takes --temperature, --variation, --window)",
            Refused("fft-lstm-bilinear-openmsx", "x.wav", option, value));
    }

    [Fact]
    public void A_raw_audio_temperature_is_taken_only_by_a_preset_with_a_level_head()
    {
        // The shipped preset draws each frame's level: --temperature sets that draw, and changes the audio.
        string Generate(string preset, string name, params string[] options)
        {
            var path = _temp.File(name);
            var (code, stdout, stderr) = DataCli.Invoke(["generate", preset, "--seconds", "3", "--seed", "2", "--out", path, .. options]);
            Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");
            return path;
        }
        var shipped = Preset("fft-lstm-bilinear-openmsx");
        Assert.NotEqual(File.ReadAllBytes(Generate(shipped, "warm.wav")), File.ReadAllBytes(Generate(shipped, "cold.wav", "--temperature", "0.3")));
        Assert.Equal("error: --temperature: -1 is not in 0..100", Refused("fft-lstm-bilinear-openmsx", "x.wav", "--temperature", "-1"));

        // The same model without its level head in the manifest: a plain frame regressor, which draws nothing.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(shipped, "manifest.json")))!.AsObject();
        json["audio"]!.AsObject().Remove("levels");
        json["io"]!.AsObject().Remove("levelOutput");
        var plain = _temp.Path("plain");
        Directory.CreateDirectory(plain);
        foreach (var file in Directory.GetFiles(shipped)) File.Copy(file, Path.Combine(plain, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(plain, "manifest.json"), json.ToJsonString());
        Generate(plain, "plain.wav");
        var (code, _, stderr) = DataCli.Invoke("generate", plain, "--seconds", "2", "--out", _temp.File("x.wav"), "--temperature", "0.5");
        Assert.Equal((2, "error: --temperature: the fft-lstm family does not use it (it takes --variation, --window)"), (code, stderr.Trim()));
    }

    [Fact]
    public void An_output_named_for_the_other_medium_is_refused()
    {
        Assert.Equal($"error: {_temp.File("x.mid")}: the fft-lstm family makes audio: name a .wav file", Refused("fft-lstm-bilinear-openmsx", "x.mid"));
        Assert.Equal($"error: {_temp.File("x.wav")}: the ngram family makes notes, written as MIDI: name a .mid file", Refused("ngram-openmsx", "x.wav"));
        // Only the ABC families write ABC text: a MIDI file named .abc would hold what its name does not say.
        Assert.Equal($"error: {_temp.File("x.abc")}: the conditional-event-rnn family makes notes, written as MIDI: name a .mid file (ABC text comes from the ABC families, e.g. char-rnn)",
            Refused("event-rnn-openmsx", "x.abc"));
    }

    [Fact]
    public void Options_the_family_reads_still_work()
    {
        var path = _temp.File("x.mid");
        var (code, stdout, stderr) = DataCli.Invoke("generate", Preset("ngram-openmsx"), "--seconds", "2", "--out", path, "--tempo", "90", "--temperature", "0.8");
        Assert.True(code == 0, stderr);
        Assert.StartsWith($"wrote {path}: ", stdout);
    }
}

using System.Globalization;

namespace Euterpe.Cli.Tests;

/// <summary>
/// `generate --density N` on the shipped conditional event RNN makes N notes per second (it made 9 to 14.5 whatever N
/// was): onsets counted by python3-mido in the MIDI file, within ±25 % over 60 s. Checked against behaviour, not
/// exact notes, so a retrained preset of the same format passes too. A density outside the model's trained range is
/// one error line.
/// </summary>
public sealed class GenerateDensityTests : IDisposable
{
    private const string CountOnsets = """
        import sys, mido
        print(sum(1 for track in mido.MidiFile(sys.argv[1]).tracks for m in track if m.type == 'note_on' and m.velocity > 0))
        """;

    private readonly TempFolder _temp = new("generate-density-");

    public void Dispose() => _temp.Dispose();

    private static string Preset => RepositoryRoot.Combine("presets", PresetCopy.EventRnn);

    private (int Code, string Stdout, string Stderr) Generate(string density, string output, string seed = "0") =>
        DataCli.Invoke("generate", Preset, "--seconds", "60", "--density", density, "--seed", seed, "--out", _temp.File(output));

    // Inside the shipped preset's trained range (its windows' 5th-95th percentile: 5.72…20 notes/s).
    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(15)]
    public void The_density_asked_for_is_the_density_made(double notesPerSecond)
    {
        var name = $"d{notesPerSecond}.mid";
        var (code, _, stderr) = Generate(notesPerSecond.ToString(CultureInfo.InvariantCulture), name);
        Assert.True(code == 0, stderr);
        var onsets = int.Parse(PythonRunner.RunCode(CountOnsets, _temp.File(name)).Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(onsets / 60.0, notesPerSecond * 0.75, notesPerSecond * 1.25);
    }

    [Fact]
    public void A_seed_gives_one_output()
    {
        Assert.Equal(0, Generate("7", "a.mid", seed: "9").Code);
        Assert.Equal(0, Generate("7", "b.mid", seed: "9").Code);
        Assert.Equal(File.ReadAllBytes(_temp.File("a.mid")), File.ReadAllBytes(_temp.File("b.mid")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("NaN")]
    public void A_density_outside_the_trained_range_is_one_error_line(string density)
    {
        var (code, stdout, stderr) = Generate(density, "x.mid");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches($@"^error: --density: {density} notes per second is outside the range this model was trained on \([\d.]+…[\d.]+\)\n$", stderr);
        Assert.False(File.Exists(_temp.File("x.mid")));
    }
}

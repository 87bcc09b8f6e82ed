using Euterpe.Core;

namespace Euterpe.Host.Tests;

/// <summary>
/// Render outputs refused before the plug-in is even loaded: a directory, the MIDI input as the MIDI output, one file
/// for both the WAV and the MIDI. Each is one line naming the user's path, and no file is touched.
/// </summary>
public sealed class RenderOutputTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-render-out-");

    public void Dispose() => _folder.Dispose();

    private string Song()
    {
        var copy = _folder.File("song.mid");
        File.Copy(TestData.Song("5432gone_redfarn.mid"), copy);
        return copy;
    }

    private static string Refusal(RenderOptions options) =>
        Assert.Throws<EuterpeException>(() => OfflineRenderer.Render(options)).Message;

    [Fact]
    public void A_directory_as_the_wav_or_the_midi_output_is_refused()
    {
        var dir = _folder.Path("take.wav");
        Directory.CreateDirectory(dir);
        Assert.Equal($"{dir}: is a directory", Refusal(new RenderOptions(BundleLocator.Default(), 1, dir)));
        Assert.Equal($"{dir}: is a directory", Refusal(new RenderOptions(BundleLocator.Default(), 1, _folder.File("a.wav")) { MidiOut = dir }));
        Assert.Equal([dir], Directory.GetFileSystemEntries(_folder.Root));
    }

    [Fact]
    public void The_midi_input_as_the_midi_output_is_refused_and_kept()
    {
        var song = Song();
        var bytes = File.ReadAllBytes(song);
        var options = new RenderOptions(BundleLocator.Default(), 1, _folder.File("take.wav")) { MidiIn = song, MidiOut = song };
        Assert.Equal($"{song}: is also an input; refusing to overwrite it", Refusal(options));
        Assert.Equal(bytes, File.ReadAllBytes(song));
        Assert.False(File.Exists(options.OutWav));
    }

    [Fact]
    public void One_file_for_the_wav_and_the_midi_is_refused()
    {
        var wav = _folder.File("take.wav");
        File.WriteAllText(wav, "an older take");
        var options = new RenderOptions(BundleLocator.Default(), 1, wav) { MidiOut = wav };
        Assert.Equal($"{wav}: is also an output; give each output its own file", Refusal(options));
        Assert.Equal("an older take", File.ReadAllText(wav));
    }
}

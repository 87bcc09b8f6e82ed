using Euterpe.Core.Audio;

namespace Euterpe.Core.Tests.Audio;

/// <summary>
/// Real audio for the tests: one openmsx MIDI song rendered by fluidsynth (16-bit stereo, 16 kHz) into a temp
/// directory once per test class, plus a few seconds of it as mono float samples.
/// </summary>
public sealed class RenderedSongFixture : IDisposable
{
    public const int SampleRate = 16000;
    private const string Song = "train_filled_with_cash.mid";
    private readonly TempFolder _dir = new("euterpe-audio-");

    public RenderedSongFixture()
    {
        WavPath = _dir.File("song.wav");
        ProcessRunner.Output("fluidsynth", "-ni", "-F", WavPath, "-r", SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ExternalTools.SoundFont, Path.Combine(ExternalTools.MidiFolder, Song));
        var audio = WavFile.Read(WavPath);
        // Three seconds from the middle, where the arrangement is playing.
        var start = Math.Max(0, audio.Length / 2 - SampleRate);
        Excerpt = audio.MixToMono().AsSpan(start, Math.Min(3 * SampleRate, audio.Length - start)).ToArray();
    }

    /// <summary>The full render as fluidsynth wrote it.</summary>
    public string WavPath { get; }

    public string TempDir => _dir.Root;

    /// <summary>Three seconds of the song, mixed to mono.</summary>
    public float[] Excerpt { get; }

    public void Dispose() => _dir.Dispose();
}

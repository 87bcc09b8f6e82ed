namespace Euterpe.Training.Tests.Data;

/// <summary>Real training audio for tests: OpenMSX songs rendered by fluidsynth with FluidR3_GM, made with sox.</summary>
public static class RenderedAudio
{
    public const string Font = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    /// <summary>Renders <paramref name="song"/>.mid at 44.1 kHz stereo into <paramref name="wav"/>.</summary>
    public static void RenderSong(string song, string wav)
    {
        Corpora.RequireOpenMsx();
        Assert.True(File.Exists(Font), $"{Font} is missing: install fluid-soundfont-gm");
        ProcessRunner.Output("fluidsynth", "-ni", "-g", "0.4", "-r", "44100", "-F", wav, Font, Path.Combine(Corpora.OpenMsx, song + ".mid"));
    }

    /// <summary>The first <paramref name="seconds"/> of each song as 16 kHz mono 16-bit WAV files in <paramref name="folder"/>.</summary>
    public static void RenderFolder(string folder, double seconds, params string[] songs)
    {
        Directory.CreateDirectory(folder);
        foreach (var song in songs)
        {
            var full = Path.Combine(folder, song + ".44k.tmp.wav");
            RenderSong(song, full);
            ProcessRunner.Output("sox", full, "-r", "16000", "-c", "1", "-b", "16", Path.Combine(folder, song + ".wav"), "trim", "0", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            File.Delete(full);
        }
    }
}

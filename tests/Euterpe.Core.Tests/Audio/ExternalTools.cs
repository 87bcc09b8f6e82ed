namespace Euterpe.Core.Tests.Audio;

/// <summary>The independent audio tools (sox, fluidsynth) the cross-checks rely on, and what they read.</summary>
internal static class ExternalTools
{
    public const string SoundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
    public const string MidiFolder = "/usr/share/games/openttd/baseset/openmsx";

    /// <summary>Decodes any audio file with sox to interleaved float32 (sox's own reader, independent of ours).</summary>
    public static float[] SoxDecode(string path, string tempDir)
    {
        var raw = Path.Combine(tempDir, Guid.NewGuid().ToString("N") + ".f32");
        ProcessRunner.Output("sox", "-D", path, "-t", "raw", "-e", "floating-point", "-b", "32", "-L", raw);
        var bytes = File.ReadAllBytes(raw);
        File.Delete(raw);
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 4);
        return samples;
    }
}

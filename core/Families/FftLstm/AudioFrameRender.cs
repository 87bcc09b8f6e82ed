namespace Euterpe.Core.Families.FftLstm;

/// <summary>Offline generation from a raw-audio preset: a whole signal at the model's sample rate.</summary>
public static class AudioFrameRender
{
    public static float[] Render(AudioFramePreset preset, double seconds, ulong seed, int windowFrames = 0, float variation = 0)
    {
        if (!(seconds > 0) || seconds > 3600) throw new EuterpeException($"--seconds {seconds}: must be in (0, 3600]");
        var stream = new AudioFrameStream(preset, windowFrames) { Variation = variation };
        stream.Restart(seed);
        var total = (int)Math.Round(seconds * preset.SampleRate);
        var output = new float[total];
        var hop = new float[stream.HopLength];
        for (var at = 0; at < total; at += hop.Length)
        {
            stream.NextHop(hop);
            hop.AsSpan(0, Math.Min(hop.Length, total - at)).CopyTo(output.AsSpan(at));
        }
        return output;
    }
}

namespace Euterpe.Plugin.Instrument;

/// <summary>VST3 parameter IDs. Stable: hosts save automation against them.</summary>
public static class ParameterId
{
    public const uint Bypass = 0;
    public const uint SynthEnabled = 1;
    public const uint OutputGain = 2;
    public const uint Temperature = 3;
    public const uint Seed = 4;
}

namespace Euterpe.Plugin.Instrument;

/// <summary>The parameters Euterpe publishes (model-specific ones will be appended from manifests later).</summary>
public static class InstrumentParameters
{
    public const double MinGainDb = -60;
    public const double MaxGainDb = 6;

    private static readonly string[] OnOff = ["Off", "On"];

    public static readonly ParameterDefinition[] All =
    [
        new(ParameterId.Bypass, "Bypass", "Bypass", "", 0, 1, 0, 1, IsBypass: true, Labels: OnOff),
        new(ParameterId.SynthEnabled, "Built-in Synth", "Synth", "", 0, 1, 1, 1, Labels: OnOff),
        new(ParameterId.OutputGain, "Output Gain", "Gain", "dB", MinGainDb, MaxGainDb, 0, 0),
        new(ParameterId.Temperature, "Temperature", "Temp", "", 0.1, 2.0, 1.0, 0),
        new(ParameterId.Seed, "Seed", "Seed", "", 0, 9999, 0, 9999),
    ];

    public static ParameterDefinition? Find(uint id)
    {
        foreach (var definition in All)
            if (definition.Id == id) return definition;
        return null;
    }

    public static double[] Defaults()
    {
        var values = new double[All.Length];
        for (var i = 0; i < All.Length; i++) values[i] = All[i].DefaultNormalized;
        return values;
    }

    /// <summary>Index into <see cref="All"/> (and into value arrays), or -1.</summary>
    public static int IndexOf(uint id)
    {
        for (var i = 0; i < All.Length; i++)
            if (All[i].Id == id) return i;
        return -1;
    }
}

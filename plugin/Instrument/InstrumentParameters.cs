using Euterpe.Core.Families.Dcrnn;
using Euterpe.Core.Generation;
using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// The parameters Euterpe publishes. "Model" is a list of the presets found (<see cref="PresetCatalog"/>);
/// "Status" is read-only and its value string carries the problem text; the condition slots take their
/// titles, ranges and units from the loaded manifest's conditioning inputs.
/// </summary>
public static class InstrumentParameters
{
    public const double MinGainDb = -60;
    public const double MaxGainDb = 6;

    private static readonly string[] OnOff = ["Off", "On"];
    private static readonly string[] Trigger = ["-", "Trigger"];
    private static readonly string[] States = ["Off", "Loading", "Playing", "Error"];

    public static readonly ParameterDefinition[] All =
    [
        new(ParameterId.Bypass, "Bypass", "Bypass", "", 0, 1, 0, 1, IsBypass: true, Labels: OnOff),
        new(ParameterId.SynthEnabled, "Built-in Synth", "Synth", "", 0, 1, 1, 1, Labels: OnOff),
        new(ParameterId.OutputGain, "Output Gain", "Gain", "dB", MinGainDb, MaxGainDb, -9, 0),
        new(ParameterId.Temperature, "Temperature", "Temp", "", 0.1, 2.0, 1.0, 0),
        new(ParameterId.Seed, "Seed", "Seed", "", 0, 9999, 0, 9999),
        new(ParameterId.Model, "Model", "Model", "", 0, PresetCatalog.MaxPresets, 1, PresetCatalog.MaxPresets, IsList: true),
        new(ParameterId.Density, "Note Density", "Density", "%", 0, 100, 100, 0),
        new(ParameterId.Key, "Key", "Key", "", 0, 11, 0, 11, Labels: MusicalScale.KeyNames),
        new(ParameterId.Scale, "Scale", "Scale", "", 0, MusicalScale.Names.Length - 1, 0, MusicalScale.Names.Length - 1, Labels: MusicalScale.Names),
        new(ParameterId.Register, "Register", "Register", "oct", -3, 3, 0, 6),
        new(ParameterId.Variation, "Variation", "Variation", "%", 0, 100, 100, 0),
        new(ParameterId.Regenerate, "Regenerate", "Regen", "", 0, 1, 0, 1, Labels: Trigger),
        new(ParameterId.FollowInput, "Follow Input", "Follow", "", 0, 1, 0, 1, Labels: OnOff),
        new(ParameterId.Status, "Status", "Status", "", 0, States.Length - 1, 0, States.Length - 1, Labels: States, IsReadOnly: true),
        new(ParameterId.CaptureClip, "Capture Clip", "Capture", "", 0, 1, 0, 1, Labels: Trigger),
        new(ParameterId.ClipBars, "Clip Length", "Clip", "bars", 1, 64, 8, 63),
        new(ParameterId.Lookahead, "Lookahead", "Ahead", "s", 0.25, 4, 1, 0),
        new(ParameterId.Condition1, "Condition 1", "Cond 1", "", 0, 1, 0.5, 0),
        new(ParameterId.Condition1 + 1, "Condition 2", "Cond 2", "", 0, 1, 0.5, 0),
        new(ParameterId.Condition1 + 2, "Condition 3", "Cond 3", "", 0, 1, 0.5, 0),
        new(ParameterId.Condition1 + 3, "Condition 4", "Cond 4", "", 0, 1, 0.5, 0),
        new(ParameterId.WalkRate, "Walk Rate", "Walk", "%", 0, 400, 100, 0),
        new(ParameterId.ThemeReturn, "Theme Return", "Return", "%", 0, 100, 50, 0),
        new(ParameterId.ThemeStore, "Theme Store", "Store", "%", 0, 100, 10, 0),
        new(ParameterId.Humanize, "Humanize", "Humanize", "", 0, 1, 0, 1, Labels: OnOff),
        new(ParameterId.RollThreshold, "Roll Threshold", "Thresh", "%", 25, 300, 100, 0),
        new(ParameterId.StoreTheme, "Store Theme", "Theme", "", 0, 1, 0, 1, Labels: Trigger),
        new(ParameterId.Pitch, "Pitch", "Pitch", "st", -24, 24, 0, 0),
        Latent(1), Latent(2), Latent(3), Latent(4), Latent(5), Latent(6), Latent(7), Latent(8),
        new(ParameterId.Morph, "Morph", "Morph", "%", 0, 100, 0, 0),
        new(ParameterId.NewTheme, "New Theme", "New", "", 0, 1, 0, 1, Labels: Trigger),
        new(ParameterId.Form, "Form", "Form", "", 0, DcrnnForm.Presets.Length - 1, 0, DcrnnForm.Presets.Length - 1, Labels: DcrnnForm.Presets),
        new(ParameterId.FillClip, "Fill Clip", "Fill", "", 0, 1, 0, 1, Labels: Trigger),
    ];

    /// <summary>
    /// A Latent knob's plain value below which it is off (the seed's z value plays): the knob's lowest
    /// <see cref="LatentOff"/>…−2 stretch reads "Seed", the rest sets the z value, −2…2.
    /// </summary>
    public const double LatentOff = -2.25, LatentMin = -2, LatentMax = 2;

    private static ParameterDefinition Latent(int n) =>
        new(ParameterId.Latent1 + (uint)(n - 1), $"Latent {n}", $"Lat {n}", "", LatentOff, LatentMax, LatentOff, 0);

    /// <summary>Whether <paramref name="id"/> is one of the eight Latent knobs.</summary>
    public static bool IsLatent(uint id) => id >= ParameterId.Latent1 && id < ParameterId.Latent1 + ParameterId.LatentKnobs;

    /// <summary>A Latent knob's plain value as the z value it sets, or NaN when it is off (follows the seed).</summary>
    public static double LatentValue(double plain) => plain < LatentMin ? double.NaN : Math.Min(plain, LatentMax);

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

    /// <summary>What the generator worker follows, read from a value array (plain values, in the worker's units).</summary>
    public static GenerationControls ControlsOf(double[] values) => new()
    {
        ModelSlot = (int)Plain(values, ParameterId.Model),
        Seed = (ulong)Plain(values, ParameterId.Seed),
        Temperature = Plain(values, ParameterId.Temperature),
        VariationPercent = Plain(values, ParameterId.Variation),
        LookaheadSeconds = Plain(values, ParameterId.Lookahead),
        Key = (int)Plain(values, ParameterId.Key),
        Scale = (int)Plain(values, ParameterId.Scale),
        OctaveShift = (int)Plain(values, ParameterId.Register),
        DensityPercent = Plain(values, ParameterId.Density),
        FollowInput = Plain(values, ParameterId.FollowInput) >= 0.5,
        ClipBars = Plain(values, ParameterId.ClipBars),
        Condition1 = Plain(values, ParameterId.Condition1),
        Condition2 = Plain(values, ParameterId.Condition1 + 1),
        Condition3 = Plain(values, ParameterId.Condition1 + 2),
        Condition4 = Plain(values, ParameterId.Condition1 + 3),
        WalkRatePercent = Plain(values, ParameterId.WalkRate),
        ThemeReturnPercent = Plain(values, ParameterId.ThemeReturn),
        ThemeStorePercent = Plain(values, ParameterId.ThemeStore),
        Humanize = Plain(values, ParameterId.Humanize) >= 0.5,
        RollThresholdPercent = Plain(values, ParameterId.RollThreshold),
        PitchSemitones = Plain(values, ParameterId.Pitch),
        Latent1 = LatentValue(Plain(values, ParameterId.Latent1)),
        Latent2 = LatentValue(Plain(values, ParameterId.Latent1 + 1)),
        Latent3 = LatentValue(Plain(values, ParameterId.Latent1 + 2)),
        Latent4 = LatentValue(Plain(values, ParameterId.Latent1 + 3)),
        Latent5 = LatentValue(Plain(values, ParameterId.Latent1 + 4)),
        Latent6 = LatentValue(Plain(values, ParameterId.Latent1 + 5)),
        Latent7 = LatentValue(Plain(values, ParameterId.Latent1 + 6)),
        Latent8 = LatentValue(Plain(values, ParameterId.Latent1 + 7)),
        MorphPercent = Plain(values, ParameterId.Morph),
        Form = (int)Plain(values, ParameterId.Form),
    };

    /// <summary>The plain value of parameter <paramref name="id"/> in a value array (any thread; doubles are read whole).</summary>
    public static double Plain(double[] values, uint id)
    {
        var index = IndexOf(id);
        return All[index].ToPlain(Volatile.Read(ref values[index]));
    }
}

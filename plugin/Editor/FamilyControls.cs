using Euterpe.Core.Generation;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// Which parameters the editor shows for the loaded model: the instrument's own (seed, lookahead, register, key, scale,
/// density, follow input, humanize, gain) for every note family, then what the family honours
/// (<see cref="ModelFamily.Honours"/>: temperature, variation, the seq-ae's walk, the GANs' threshold, the dcrnn's
/// latents, morph and form), the manifest's conditioning slots, and pix2pix's Fill Clip. An audio family shows the few
/// it reads (Temperature where a level head draws the level). Knobs are continuous or many-stepped; switches and triggers (one step) are buttons.
/// </summary>
public static class FamilyControls
{
    public static IReadOnlyList<uint> For(PresetEntry? entry)
    {
        var ids = new List<uint>();
        if (entry?.Family is not { } family || entry.Preset is not { } preset)
        {
            ids.AddRange([ParameterId.OutputGain, ParameterId.SynthEnabled]);
            return ids;
        }
        var honours = family.Honours(preset);
        if (family.Medium == GeneratedMedium.Audio)
        {
            // A raw-audio model with a level head draws each frame's level at the Temperature.
            if ((honours & GenerationControl.Temperature) != 0) ids.Add(ParameterId.Temperature);
            ids.AddRange([ParameterId.Seed, ParameterId.Variation, ParameterId.Lookahead, ParameterId.OutputGain, ParameterId.Regenerate]);
            return ids;
        }
        if ((honours & GenerationControl.Temperature) != 0) ids.Add(ParameterId.Temperature);
        if ((honours & GenerationControl.Variation) != 0) ids.Add(ParameterId.Variation);
        ids.AddRange([ParameterId.Density, ParameterId.Key, ParameterId.Scale, ParameterId.Register, ParameterId.Seed, ParameterId.Lookahead]);
        for (var i = 0; i < entry.Conditioning.Count && i < ParameterId.ConditionSlots; i++) ids.Add(ParameterId.Condition1 + (uint)i);
        if (entry.Conditioning.Count > 0) ids.Add(ParameterId.Pitch);
        if ((honours & GenerationControl.Threshold) != 0) ids.Add(ParameterId.RollThreshold);
        if ((honours & GenerationControl.WalkRate) != 0) ids.AddRange([ParameterId.WalkRate, ParameterId.ThemeStore]);
        if ((honours & GenerationControl.ThemeReturn) != 0) ids.Add(ParameterId.ThemeReturn);
        if ((honours & GenerationControl.Form) != 0)
        {
            for (var i = 0; i < ParameterId.LatentKnobs; i++) ids.Add(ParameterId.Latent1 + (uint)i);
            ids.Add(ParameterId.Form);
        }
        if ((honours & GenerationControl.Morph) != 0) ids.Add(ParameterId.Morph);
        ids.Add(ParameterId.OutputGain);
        ids.AddRange([ParameterId.FollowInput, ParameterId.Humanize, ParameterId.SynthEnabled, ParameterId.Regenerate]);
        if ((honours & GenerationControl.WalkRate) != 0) ids.Add(ParameterId.StoreTheme);
        if ((honours & GenerationControl.Form) != 0) ids.Add(ParameterId.NewTheme);
        if (family.Names.Contains("pix2pix")) ids.Add(ParameterId.FillClip);
        return ids;
    }

    /// <summary>Switches and triggers (one step) are buttons; the rest are knobs.</summary>
    public static bool IsButton(uint id) => InstrumentParameters.Find(id) is { StepCount: 1 };

    /// <summary>A trigger fires while held: the button sends 1 on press and 0 on release.</summary>
    public static bool IsTrigger(uint id) => id is ParameterId.Regenerate or ParameterId.CaptureClip or ParameterId.StoreTheme
        or ParameterId.NewTheme or ParameterId.FillClip;
}

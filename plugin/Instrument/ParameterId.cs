namespace Euterpe.Plugin.Instrument;

/// <summary>VST3 parameter IDs. Stable: hosts save automation against them.</summary>
public static class ParameterId
{
    public const uint Bypass = 0;
    public const uint SynthEnabled = 1;
    public const uint OutputGain = 2;
    public const uint Temperature = 3;
    public const uint Seed = 4;
    public const uint Model = 5;
    public const uint Density = 6;
    public const uint Key = 7;
    public const uint Scale = 8;
    public const uint Register = 9;
    public const uint Variation = 10;
    public const uint Regenerate = 11;
    public const uint FollowInput = 12;
    public const uint Status = 13;
    public const uint CaptureClip = 14;
    public const uint ClipBars = 15;
    public const uint Lookahead = 16;
    /// <summary>Conditioning slots: slot i drives the loaded manifest's i-th conditioning input.</summary>
    public const uint Condition1 = 17;
    public const int ConditionSlots = Generation.GenerationControls.ConditionSlots;
    /// <summary>The seq-ae's code walk: bits flipped per subsequence (% of the preset's measured rate), theme return and store chances.</summary>
    public const uint WalkRate = Condition1 + ConditionSlots;
    public const uint ThemeReturn = WalkRate + 1;
    public const uint ThemeStore = WalkRate + 2;
    /// <summary>The refine nets on generated notes (after the SeqAE walk's 21–23).</summary>
    public const uint Humanize = ThemeStore + 1;
    /// <summary>The piano-roll GANs' threshold, as a percentage of the preset's.</summary>
    public const uint RollThreshold = Humanize + 1;
    /// <summary>Trigger: the seq-ae stores the code it is generating now as its theme.</summary>
    public const uint StoreTheme = RollThreshold + 1;
    /// <summary>Conditional models: semitones the register the model is conditioned on moves (with Density, the XY pair).</summary>
    public const uint Pitch = StoreTheme + 1;
    /// <summary>The dcrnn's eight Latent knobs: each replaces one of z's first eight values (28–35; fully down follows the seed).</summary>
    public const uint Latent1 = Pitch + 1;
    public const int LatentKnobs = 8;
    /// <summary>The dcrnn: how far each clip's z moves toward the next clip's (or the form's next letter's), 0–100 %.</summary>
    public const uint Morph = Latent1 + LatentKnobs;
    /// <summary>Trigger: the dcrnn draws a fresh z for the theme it plays next.</summary>
    public const uint NewTheme = Morph + 1;
    /// <summary>The dcrnn's form (Off, AB, ABA, AABA, ABCAB): one letter per 16-beat clip, the same letter the same z.</summary>
    public const uint Form = NewTheme + 1;
    /// <summary>Trigger: a pix2pix model fills the last captured clip and plays it looped on the bar grid.</summary>
    public const uint FillClip = Form + 1;
}

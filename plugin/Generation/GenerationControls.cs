namespace Euterpe.Plugin.Generation;

/// <summary>
/// What the generator worker follows, as plain values in the units the worker uses. The instrument fills one from
/// its parameters and publishes it through <see cref="GenerationControlsExchange"/>; the worker reads a whole
/// snapshot per pass, so the values it acts on together were published together.
/// </summary>
public readonly record struct GenerationControls
{
    /// <summary>How many conditioning values travel: slot i drives the loaded preset's i-th conditioning input.</summary>
    public const int ConditionSlots = 4;

    /// <summary>The chosen preset's slot in the catalog; 0 is Off.</summary>
    public int ModelSlot { get; init; }

    /// <summary>Sampling seed; a new one restarts the model.</summary>
    public ulong Seed { get; init; }

    public double Temperature { get; init; }

    /// <summary>0–100: the nucleus width for note models, the frame noise for audio models.</summary>
    public double VariationPercent { get; init; }

    /// <summary>How far past the playhead the worker keeps the queue filled, in seconds.</summary>
    public double LookaheadSeconds { get; init; }

    /// <summary>Key (0 = C … 11 = B) and scale (an index into <see cref="MusicalScale.Names"/>) notes are snapped to.</summary>
    public int Key { get; init; }

    public int Scale { get; init; }

    /// <summary>Octaves every note is moved by.</summary>
    public int OctaveShift { get; init; }

    /// <summary>0–100: the chance a generated note-on is kept.</summary>
    public double DensityPercent { get; init; }

    /// <summary>Whether notes played into the instrument prime the model.</summary>
    public bool FollowInput { get; init; }

    /// <summary>Conditional models: semitones the register they are conditioned on moves from the seed's (0: as it starts).</summary>
    public double PitchSemitones { get; init; }

    /// <summary>A piano-roll GAN's threshold as a percentage of its preset's (100: the preset's own).</summary>
    public double RollThresholdPercent { get; init; }

    /// <summary>Whether generated notes pass through the refine nets (lengths, then velocities) before they are queued.</summary>
    public bool Humanize { get; init; }

    /// <summary>How many bars a captured clip holds.</summary>
    public double ClipBars { get; init; }

    /// <summary>Conditioning slots 1–4, each 0–1 over its input's range.</summary>
    public double Condition1 { get; init; }

    public double Condition2 { get; init; }

    public double Condition3 { get; init; }

    public double Condition4 { get; init; }

    /// <summary>A code walk's (seq-ae) bits flipped per step, as a percentage of the rate the preset measured.</summary>
    public double WalkRatePercent { get; init; }

    /// <summary>0–100: a code walk's chance of returning to its theme code.</summary>
    public double ThemeReturnPercent { get; init; }

    /// <summary>0–100: a code walk's chance of storing its current code as the theme.</summary>
    public double ThemeStorePercent { get; init; }

    /// <summary>The dcrnn's Latent knobs: z's first eight values, each NaN while the knob is off (the seed's value plays).</summary>
    public double Latent1 { get; init; }

    public double Latent2 { get; init; }

    public double Latent3 { get; init; }

    public double Latent4 { get; init; }

    public double Latent5 { get; init; }

    public double Latent6 { get; init; }

    public double Latent7 { get; init; }

    public double Latent8 { get; init; }

    /// <summary>0–100: how far the dcrnn's z moves toward the next clip's.</summary>
    public double MorphPercent { get; init; }

    /// <summary>The dcrnn's form: an index into <see cref="Core.Families.Dcrnn.DcrnnForm.Presets"/> (0 = Off).</summary>
    public int Form { get; init; }

    /// <summary>The eight Latent values into <paramref name="values"/> (8 long).</summary>
    public void Latents(Span<double> values)
    {
        values[0] = Latent1;
        values[1] = Latent2;
        values[2] = Latent3;
        values[3] = Latent4;
        values[4] = Latent5;
        values[5] = Latent6;
        values[6] = Latent7;
        values[7] = Latent8;
    }

    /// <summary>Conditioning slot <paramref name="slot"/> (0-based), 0–1.</summary>
    public double Condition(int slot) => slot switch
    {
        0 => Condition1,
        1 => Condition2,
        2 => Condition3,
        3 => Condition4,
        _ => throw new ArgumentOutOfRangeException(nameof(slot)),
    };
}

using Euterpe.Core.Music;

namespace Euterpe.Core.Generation;

/// <summary>
/// What `euterpe generate` asks a family for: a length, a seed and the controls of the command line. A family reads
/// the controls it has (key and density steer a conditional event RNN, tempo places an n-gram's beats, variation and
/// window shape raw audio) and checks each value it reads.
/// </summary>
public sealed record GenerationRequest
{
    /// <summary>
    /// The longest music `generate` makes and `render` plays (one hour), so a typo cannot ask for unbounded work; the
    /// one cap both commands check and state in their --help.
    /// </summary>
    public const double MaxSeconds = 3600;

    /// <summary>Refuses a --seconds outside (0, <see cref="MaxSeconds"/>] (NaN included): one line.</summary>
    public static void CheckSeconds(double seconds)
    {
        if (!(seconds > 0) || seconds > MaxSeconds) throw new EuterpeException(FormattableString.Invariant($"--seconds: must be in (0, {MaxSeconds}] (got {seconds})"));
    }

    public double Seconds { get; init; }

    /// <summary>The same preset, request and seed give the same output.</summary>
    public ulong Seed { get; init; }

    /// <summary>Sampling temperature (0 = always the likeliest).</summary>
    public float Temperature { get; init; } = 1;

    /// <summary>Music the output starts with and then continues (a short melody: see <see cref="PrimerMelody"/>).</summary>
    public NoteSequence? Primer { get; init; }

    /// <summary>Beats per minute for families that count beats.</summary>
    public double Tempo { get; init; } = 120;

    /// <summary>Notes per second a conditional model is asked for; null: the training corpus's mean.</summary>
    public double? Density { get; init; }

    /// <summary>TONIC:major or TONIC:minor for a conditional model's pitch-class histogram.</summary>
    public string? Key { get; init; }

    /// <summary>Raw audio: noise added to each predicted frame, as a fraction of the seed frames' RMS value.</summary>
    public float Variation { get; init; } = 0.05f;

    /// <summary>Piano rolls: the value above which a cell sounds; null: the preset's default.</summary>
    public double? Threshold { get; init; }

    /// <summary>Raw audio: 0 carries the recurrent state; T re-reads the last T frames from a fresh state for every frame.</summary>
    public int WindowFrames { get; init; }

    /// <summary>seq-ae: bits of the code flipped per subsequence; null: the preset's measured mean.</summary>
    public double? WalkRate { get; init; }

    /// <summary>seq-ae: the chance of returning to the theme code every few subsequences; null: the generator's default.</summary>
    public double? ThemeReturn { get; init; }

    /// <summary>dcrnn: a form such as ABCAB, one z per distinct letter, one letter per clip; null: a fresh z every clip.</summary>
    public string? Form { get; init; }

    /// <summary>dcrnn: 0…1, how far each clip's z moves toward the next clip's; null: 0.</summary>
    public double? Morph { get; init; }

    /// <summary>Refuses a length outside (0, <see cref="MaxSeconds"/>], and one that with the primer before it would pass that cap.</summary>
    /// <summary>Refuses a sampling temperature outside 0…100 (every family that samples reads it there).</summary>
    public void CheckTemperature()
    {
        if (!(Temperature >= 0 && Temperature <= 100)) throw new EuterpeException($"--temperature: {Temperature} is not in 0..100");
    }

    public void CheckSeconds()
    {
        CheckSeconds(Seconds);
        var primer = Primer?.TotalSeconds ?? 0;
        if (Seconds + primer > MaxSeconds)
            throw new EuterpeException(FormattableString.Invariant($"--seconds: {Seconds} s after the primer's {primer:0.###} s is more than {MaxSeconds} s in all"));
    }
}

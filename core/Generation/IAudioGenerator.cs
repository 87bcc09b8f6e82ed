namespace Euterpe.Core.Generation;

/// <summary>
/// A model that makes audio one hop at a time at its own sample rate. The raw-audio families implement it; `generate`
/// writes what it makes to a WAV file, the instrument resamples it to the host's rate. Hops must not allocate.
/// </summary>
public interface IAudioGenerator : IDisposable
{
    int SampleRate { get; }

    /// <summary>Samples each <see cref="NextHop"/> writes.</summary>
    int HopLength { get; }

    /// <summary>Noise added to the model's own predictions, as a fraction of the seed's level (0 = none).</summary>
    float Variation { get; set; }

    /// <summary>Temperature of what the model draws (a raw-audio level head's classes): 1 as trained, lower is steadier.</summary>
    float Temperature { get; set; }

    /// <summary>Starts over: same seed, same audio.</summary>
    void Restart(ulong seed);

    /// <summary>Writes the next <see cref="HopLength"/> samples.</summary>
    void NextHop(Span<float> hop);
}

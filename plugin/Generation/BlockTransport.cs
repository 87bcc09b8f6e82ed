namespace Euterpe.Plugin.Generation;

/// <summary>
/// The host's transport as one audio block sees it, in plain values: the instrument fills it from what the host
/// sends with the block (a VST3 ProcessContext), and <see cref="TransportPlayback"/> reads it. Values the host did not
/// give are NaN (tempo, position in beats) or 0 (time signature).
/// </summary>
public readonly record struct BlockTransport
{
    /// <summary>False when the host sent no transport at all: playback then counts as stopped at the last playhead.</summary>
    public bool IsKnown { get; init; }

    public bool IsPlaying { get; init; }

    /// <summary>Quarter notes per minute.</summary>
    public double Tempo { get; init; }

    /// <summary>Project position of the block's first sample in quarter notes.</summary>
    public double ProjectBeats { get; init; }

    /// <summary>Project position of the block's first sample in samples.</summary>
    public long ProjectSamples { get; init; }

    public int TimeSignatureNumerator { get; init; }

    public int TimeSignatureDenominator { get; init; }

    /// <summary>Samples in the block.</summary>
    public int Frames { get; init; }

    /// <summary>The host's sample rate in Hz.</summary>
    public double SampleRate { get; init; }
}

using Euterpe.Plugin.Generation;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>Turns the VST3 ProcessContext a block came with into the plain <see cref="BlockTransport"/> playback reads.</summary>
public static unsafe class ProcessContextTransport
{
    /// <summary>The transport of a block of <paramref name="frames"/> samples; <paramref name="context"/> may be null (the host sent none).</summary>
    public static BlockTransport Read(ProcessContext* context, int frames, double sampleRate)
    {
        if (context == null) return new BlockTransport { Frames = frames, SampleRate = sampleRate, Tempo = double.NaN, ProjectBeats = double.NaN };
        var state = context->State;
        var hasMetre = (state & ProcessContext.StateTimeSigValid) != 0;
        return new BlockTransport
        {
            IsKnown = true,
            IsPlaying = (state & ProcessContext.StatePlaying) != 0,
            Tempo = (state & ProcessContext.StateTempoValid) != 0 ? context->Tempo : double.NaN,
            ProjectBeats = (state & ProcessContext.StateProjectTimeMusicValid) != 0 ? context->ProjectTimeMusic : double.NaN,
            ProjectSamples = context->ProjectTimeSamples,
            TimeSignatureNumerator = hasMetre ? context->TimeSigNumerator : 0,
            TimeSignatureDenominator = hasMetre ? context->TimeSigDenominator : 0,
            Frames = frames,
            SampleRate = sampleRate,
        };
    }
}

namespace Euterpe.Plugin.Instrument;

/// <summary>Where an <see cref="AdsrEnvelope"/> is.</summary>
public enum EnvelopeStage
{
    Idle,
    Attack,
    Decay,
    Sustain,
    Release,
}

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// Attack (linear), decay and release (exponential, one multiply per sample) envelope. Coefficients
/// are computed at note-on so the per-sample path has no transcendental calls.
/// </summary>
public struct AdsrEnvelope
{
    private const float Floor = 1e-4f;

    private float _attackStep;
    private float _decayCoefficient;
    private float _sustain;
    private float _releaseCoefficient;

    public EnvelopeStage Stage { get; private set; }
    public float Level { get; private set; }

    public readonly bool IsActive => Stage != EnvelopeStage.Idle;

    public void Start(double sampleRate, double attackSeconds, double decaySeconds, float sustain, double releaseSeconds)
    {
        _attackStep = (float)(1.0 / Math.Max(1.0, attackSeconds * sampleRate));
        _decayCoefficient = (float)Math.Exp(-1.0 / Math.Max(1.0, decaySeconds * sampleRate));
        _releaseCoefficient = (float)Math.Exp(-1.0 / Math.Max(1.0, releaseSeconds * sampleRate));
        _sustain = sustain;
        Stage = EnvelopeStage.Attack;
    }

    public void Release()
    {
        if (Stage != EnvelopeStage.Idle) Stage = EnvelopeStage.Release;
    }

    public void Reset()
    {
        Stage = EnvelopeStage.Idle;
        Level = 0;
    }

    public float Next()
    {
        switch (Stage)
        {
            case EnvelopeStage.Attack:
                Level += _attackStep;
                if (Level >= 1f)
                {
                    Level = 1f;
                    Stage = EnvelopeStage.Decay;
                }
                break;
            case EnvelopeStage.Decay:
                Level = _sustain + (Level - _sustain) * _decayCoefficient;
                if (Level - _sustain < Floor) Stage = _sustain > 0 ? EnvelopeStage.Sustain : EnvelopeStage.Idle;
                break;
            case EnvelopeStage.Release:
                Level *= _releaseCoefficient;
                if (Level < Floor) Reset();
                break;
        }
        return Level;
    }
}

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// One electric-piano voice: two-operator FM (modulator at the carrier frequency, index decaying
/// from a velocity-dependent peak) plus a short high "tine" partial for the attack, under an ADSR.
/// A plain struct held in a preallocated array; nothing here allocates.
/// </summary>
public struct PianoVoice
{
    private const float TwoPi = MathF.PI * 2f;

    private float _carrierPhase;
    private float _modulatorPhase;
    private float _tinePhase;
    private float _increment;
    private float _index;
    private float _indexDecay;
    private float _indexFloor;
    private float _tineIndex;
    private float _tineDecay;
    private float _amplitude;
    private AdsrEnvelope _envelope;

    public int Pitch { get; private set; }
    public int Channel { get; private set; }
    public int NoteId { get; private set; }
    /// <summary>Start order, for stealing the oldest voice.</summary>
    public long Age { get; private set; }
    public float PanLeft { get; private set; }
    public float PanRight { get; private set; }

    public readonly bool IsActive => _envelope.IsActive;
    public readonly bool IsReleasing => _envelope.Stage == EnvelopeStage.Release;

    public void Start(int pitch, float tuningCents, float velocity, int channel, int noteId, long age, double sampleRate)
    {
        Pitch = pitch;
        Channel = channel;
        NoteId = noteId;
        Age = age;
        var frequency = 440.0 * Math.Pow(2.0, (pitch - 69 + tuningCents / 100.0) / 12.0);
        _increment = (float)(frequency / sampleRate);
        velocity = Math.Clamp(velocity, 0f, 1f);
        _amplitude = 0.12f + 0.28f * velocity;
        // Harder notes are brighter: a larger initial modulation index.
        _index = 0.2f + 1.4f * velocity;
        _indexFloor = 0.12f;
        _indexDecay = (float)Math.Exp(-1.0 / (0.45 * sampleRate));
        _tineIndex = 1.5f * velocity;
        _tineDecay = (float)Math.Exp(-1.0 / (0.025 * sampleRate));
        _carrierPhase = _modulatorPhase = _tinePhase = 0;
        // Higher notes ring shorter, like struck tines.
        var decaySeconds = Math.Clamp(3.0 * Math.Pow(2.0, -(pitch - 60) / 24.0), 0.4, 8.0);
        _envelope.Reset();
        _envelope.Start(sampleRate, 0.003, decaySeconds, 0f, 0.12);
        var pan = Math.Clamp((pitch - 64) / 64f, -1f, 1f) * 0.35f;
        PanLeft = MathF.Cos((pan + 1f) * MathF.PI / 4f);
        PanRight = MathF.Sin((pan + 1f) * MathF.PI / 4f);
    }

    public void Release() => _envelope.Release();

    public void Kill() => _envelope.Reset();

    public float Next()
    {
        var level = _envelope.Next();
        var modulator = MathF.Sin(TwoPi * _modulatorPhase) * (_indexFloor + _index);
        var tine = MathF.Sin(TwoPi * _tinePhase) * _tineIndex;
        var sample = MathF.Sin(TwoPi * _carrierPhase + modulator + tine) * level * _amplitude;
        _carrierPhase = Wrap(_carrierPhase + _increment);
        _modulatorPhase = Wrap(_modulatorPhase + _increment);
        _tinePhase = Wrap(_tinePhase + _increment * 14f);
        _index *= _indexDecay;
        _tineIndex *= _tineDecay;
        return sample;
    }

    private static float Wrap(float phase) => phase >= 1f ? phase - MathF.Floor(phase) : phase;
}

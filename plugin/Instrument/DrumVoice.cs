namespace Euterpe.Plugin.Instrument;

/// <summary>
/// One hit on General MIDI's drum channel (10): a key names an instrument, not a pitch, so a drum note is not voiced
/// as a piano note but as a short percussive sound the key picks: a sine swept down (bass drum, toms) and/or a burst
/// of noise, bright for hi-hats and cymbals, each decaying exponentially. One-shot, as drum machines are: a note-off
/// does not cut it, it ends when it has died away (at most <see cref="MaxSeconds"/>). A plain struct held in a
/// preallocated array; coefficients are computed at the hit, so the per-sample path allocates and calls nothing.
/// </summary>
public struct DrumVoice
{
    /// <summary>The longest a hit rings (a crash cymbal).</summary>
    public const double MaxSeconds = 2.5;

    private const float TwoPi = MathF.PI * 2f;

    private float _phase;
    private float _increment;      // the tone's frequency / sample rate, falling towards _floorIncrement
    private float _floorIncrement;
    private float _sweep;          // per-sample factor of the fall
    private float _toneLevel;
    private float _toneDecay;
    private float _noiseLevel;
    private float _noiseDecay;
    private bool _bright;          // noise high-passed (hats, cymbals) rather than low-passed (snare, claps)
    private float _lowPassed;
    private uint _noise;
    private int _remaining;

    public int Key { get; private set; }
    /// <summary>Start order, for stealing the oldest hit.</summary>
    public long Age { get; private set; }

    public readonly bool IsActive => _remaining > 0;

    public void Start(int key, float velocity, long age, double sampleRate)
    {
        Key = key;
        Age = age;
        velocity = Math.Clamp(velocity, 0f, 1f);
        var level = 0.1f + 0.3f * velocity;
        // tone Hz, tone end Hz, tone seconds, noise seconds, noise share, bright
        var (tone, toneEnd, toneSeconds, noiseSeconds, noise, bright) = key switch
        {
            35 or 36 => (150.0, 48.0, 0.28, 0.006, 0.15f, false),                  // bass drums: a falling thump and a click
            37 => (400.0, 400.0, 0.03, 0.03, 0.6f, true),                          // side stick
            38 or 40 => (190.0, 160.0, 0.08, 0.14, 0.75f, false),                  // snares
            39 => (0.0, 0.0, 0.0, 0.12, 1f, false),                                // hand clap
            41 or 43 or 45 or 47 or 48 or 50 => (Hz(key), 0.75 * Hz(key), 0.3, 0.02, 0.1f, false), // toms, tuned by key
            42 or 44 => (0.0, 0.0, 0.0, 0.045, 1f, true),                          // closed and pedal hi-hat
            46 => (0.0, 0.0, 0.0, 0.3, 1f, true),                                  // open hi-hat
            49 or 52 or 55 or 57 => (0.0, 0.0, 0.0, 0.9, 1f, true),                // crash, china, splash
            51 or 53 or 59 => (0.0, 0.0, 0.0, 0.45, 1f, true),                     // rides
            _ => (2 * Hz(key), 2 * Hz(key), 0.1, 0.04, 0.4f, false),               // other percussion: a short tuned knock
        };
        _phase = 0;
        _increment = (float)(tone / sampleRate);
        _floorIncrement = (float)(toneEnd / sampleRate);
        _sweep = (float)Math.Exp(-1.0 / (0.04 * sampleRate));
        _toneLevel = tone > 0 ? level * (1f - noise) : 0f;
        _toneDecay = Decay(toneSeconds, sampleRate);
        _noiseLevel = level * noise;
        _noiseDecay = Decay(noiseSeconds, sampleRate);
        _bright = bright;
        _lowPassed = 0;
        _noise = 0x9E3779B9u ^ (uint)(key * 7919 + age);
        // Until the longer part is 60 dB down (e^-6.9).
        var seconds = Math.Min(MaxSeconds, 6.9 * Math.Max(tone > 0 ? toneSeconds : 0, noiseSeconds));
        _remaining = Math.Max(1, (int)(seconds * sampleRate));
    }

    public void Kill() => _remaining = 0;

    public float Next()
    {
        if (_remaining <= 0) return 0f;
        _remaining--;
        var sample = 0f;
        if (_toneLevel > 1e-5f)
        {
            sample += MathF.Sin(TwoPi * _phase) * _toneLevel;
            _phase += _increment;
            if (_phase >= 1f) _phase -= 1f;
            _increment = _floorIncrement + (_increment - _floorIncrement) * _sweep;
            _toneLevel *= _toneDecay;
        }
        if (_noiseLevel > 1e-5f)
        {
            // xorshift32 white noise in [-1, 1), through a one-pole low-pass; hats and cymbals keep what it takes away.
            _noise ^= _noise << 13;
            _noise ^= _noise >> 17;
            _noise ^= _noise << 5;
            var white = (int)_noise * (1f / 2147483648f);
            _lowPassed += 0.25f * (white - _lowPassed);
            sample += (_bright ? white - _lowPassed : _lowPassed * 1.6f) * _noiseLevel;
            _noiseLevel *= _noiseDecay;
        }
        return sample;
    }

    private static double Hz(int key) => 440.0 * Math.Pow(2.0, (key - 69) / 12.0);

    private static float Decay(double seconds, double sampleRate) => seconds > 0 ? (float)Math.Exp(-1.0 / (seconds * sampleRate)) : 0f;
}

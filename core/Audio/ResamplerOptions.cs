namespace Euterpe.Core.Audio;

/// <summary>
/// Design of the windowed-sinc low-pass used by <see cref="SincResampler"/>.
/// </summary>
/// <param name="ZeroCrossings">Sinc zero crossings on each side of the centre; longer filters give a sharper transition.</param>
/// <param name="Cutoff">Cutoff as a fraction of the lower of the two Nyquist frequencies.</param>
/// <param name="AttenuationDb">Target stopband attenuation; sets the Kaiser β.</param>
public sealed record ResamplerOptions(int ZeroCrossings = 40, double Cutoff = 0.9, double AttenuationDb = 110)
{
    /// <summary>Passband flat to about 0.83 of the lower Nyquist, about 100 dB down from 0.97 of it.</summary>
    public static ResamplerOptions Default { get; } = new();
}

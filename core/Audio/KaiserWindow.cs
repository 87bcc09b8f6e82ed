namespace Euterpe.Core.Audio;

/// <summary>The Kaiser window and the modified Bessel function it is built from.</summary>
public static class KaiserWindow
{
    /// <summary>Kaiser window at <paramref name="x"/> in [-1, 1] (0 outside): I0(β√(1-x²)) / I0(β).</summary>
    public static double Value(double x, double beta)
    {
        if (x is < -1 or > 1)
        {
            return 0;
        }

        return BesselI0(beta * Math.Sqrt(1 - x * x)) / BesselI0(beta);
    }

    /// <summary>
    /// β that gives roughly <paramref name="attenuationDb"/> of stopband attenuation (Kaiser's empirical formula).
    /// </summary>
    public static double BetaForAttenuation(double attenuationDb) => attenuationDb switch
    {
        > 50 => 0.1102 * (attenuationDb - 8.7),
        >= 21 => 0.5842 * Math.Pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21),
        _ => 0,
    };

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series (converges for all x).</summary>
    public static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var halfX = x / 2;
        for (var k = 1; k < 500; k++)
        {
            term *= halfX / k * (halfX / k);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}

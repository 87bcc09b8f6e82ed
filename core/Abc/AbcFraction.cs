namespace Euterpe.Core.Abc;

/// <summary>An exact rational length in whole notes, so tuplets and dotted rhythms never drift.</summary>
internal readonly record struct AbcFraction
{
    public AbcFraction(long numerator, long denominator)
    {
        if (denominator == 0) throw new DivideByZeroException();
        if (denominator < 0) { numerator = -numerator; denominator = -denominator; }
        var g = Gcd(Math.Abs(numerator), denominator);
        if (g > 1) { numerator /= g; denominator /= g; }
        Numerator = numerator;
        Denominator = denominator;
    }

    public long Numerator { get; }

    public long Denominator { get; }

    public static readonly AbcFraction Zero = new(0, 1);

    public static AbcFraction operator +(AbcFraction a, AbcFraction b) =>
        new(checked(a.Numerator * b.Denominator + b.Numerator * a.Denominator), checked(a.Denominator * b.Denominator));

    public static AbcFraction operator -(AbcFraction a, AbcFraction b) =>
        new(checked(a.Numerator * b.Denominator - b.Numerator * a.Denominator), checked(a.Denominator * b.Denominator));

    public static AbcFraction operator *(AbcFraction a, AbcFraction b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));

    public static bool operator <(AbcFraction a, AbcFraction b) => a.Numerator * b.Denominator < b.Numerator * a.Denominator;

    public static bool operator >(AbcFraction a, AbcFraction b) => b < a;

    public double ToDouble() => (double)Numerator / Denominator;

    /// <summary>Ticks for this many whole notes (a whole note is four quarters).</summary>
    public long ToTicks(int ticksPerQuarter) => (long)Math.Round((double)Numerator * 4 * ticksPerQuarter / Denominator, MidpointRounding.AwayFromZero);

    public override string ToString() => $"{Numerator}/{Denominator}";

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a == 0 ? 1 : a;
    }
}

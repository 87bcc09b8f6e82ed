namespace Euterpe.Core.Generation;

/// <summary>The scales the "Scale" parameter offers, as 12-bit pitch-class masks above the key (bit 0 = the key note).</summary>
public static class MusicalScale
{
    public static readonly string[] Names = ["Chromatic", "Major", "Natural Minor", "Dorian", "Mixolydian", "Major Pentatonic", "Minor Pentatonic"];

    /// <summary>The index of the major scale in <see cref="Names"/>.</summary>
    public const int Major = 1;

    /// <summary>The index of the natural-minor scale in <see cref="Names"/>.</summary>
    public const int NaturalMinor = 2;

    private static readonly int[] Masks =
    [
        0xFFF,
        Bits(0, 2, 4, 5, 7, 9, 11),
        Bits(0, 2, 3, 5, 7, 8, 10),
        Bits(0, 2, 3, 5, 7, 9, 10),
        Bits(0, 2, 4, 5, 7, 9, 10),
        Bits(0, 2, 4, 7, 9),
        Bits(0, 3, 5, 7, 10),
    ];

    public static readonly string[] KeyNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    public static bool Contains(int scale, int key, int pitch) =>
        (Masks[Math.Clamp(scale, 0, Masks.Length - 1)] >> (((pitch - key) % 12 + 12) % 12) & 1) != 0;

    /// <summary>The nearest pitch in the scale (ties go down), clamped to MIDI's 0…127.</summary>
    public static int Snap(int scale, int key, int pitch)
    {
        for (var distance = 0; distance < 12; distance++)
        {
            if (pitch - distance >= 0 && Contains(scale, key, pitch - distance)) return pitch - distance;
            if (pitch + distance <= 127 && Contains(scale, key, pitch + distance)) return pitch + distance;
        }
        return Math.Clamp(pitch, 0, 127);
    }

    /// <summary>
    /// The tonic (0 = C … 11 = B) of the major scale (equally its relative minor: the same seven pitch classes) that
    /// holds the most of <paramref name="pitchClassWeights"/> (12 weights, C first); ties go to the lowest tonic.
    /// </summary>
    public static int BestMajorTonic(ReadOnlySpan<double> pitchClassWeights)
    {
        if (pitchClassWeights.Length != 12) throw new ArgumentException("12 pitch-class weights are needed", nameof(pitchClassWeights));
        var best = 0;
        var bestWeight = double.NegativeInfinity;
        for (var tonic = 0; tonic < 12; tonic++)
        {
            var weight = 0.0;
            for (var pc = 0; pc < 12; pc++)
                if (Contains(Major, tonic, pc)) weight += pitchClassWeights[pc];
            if (weight > bestWeight) (best, bestWeight) = (tonic, weight);
        }
        return best;
    }

    private static int Bits(params int[] degrees)
    {
        var mask = 0;
        foreach (var d in degrees) mask |= 1 << d;
        return mask;
    }
}

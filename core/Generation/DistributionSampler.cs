namespace Euterpe.Core.Generation;

/// <summary>
/// Draws a token from a probability distribution a model wrote (softmax output, not logits), sharpened or flattened by a
/// temperature: weights p^(1/T), taken relative to the likeliest token so a low temperature does not underflow.
/// Temperature 0 (or a distribution with nothing above 0) gives the likeliest token; ties go to the first. A mask
/// leaves tokens out. Allocates nothing.
/// </summary>
public static class DistributionSampler
{
    /// <param name="weights">Scratch of at least <paramref name="probabilities"/>' length.</param>
    /// <param name="allowed">When given, only tokens marked true are drawn (one at least must be).</param>
    public static int Draw(ReadOnlySpan<float> probabilities, float temperature, RandomSource random, Span<double> weights, ReadOnlySpan<bool> allowed = default)
    {
        var masked = !allowed.IsEmpty;
        var best = -1;
        for (var i = 0; i < probabilities.Length; i++)
            if ((!masked || allowed[i]) && (best < 0 || probabilities[i] > probabilities[best])) best = i;
        if (temperature <= 0 || !(probabilities[best] > 0)) return best;
        double total = 0;
        var peak = Math.Log(probabilities[best]);
        for (var i = 0; i < probabilities.Length; i++)
        {
            weights[i] = (!masked || allowed[i]) && probabilities[i] > 0 ? Math.Exp((Math.Log(probabilities[i]) - peak) / temperature) : 0;
            total += weights[i];
        }
        var draw = random.NextDouble() * total;
        for (var i = 0; i < probabilities.Length; i++)
        {
            draw -= weights[i];
            if (weights[i] > 0 && draw < 0) return i;
        }
        return best;
    }
}

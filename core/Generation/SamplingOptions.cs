namespace Euterpe.Core.Generation;

/// <summary>
/// How a token is drawn from a model's logits. Temperature divides the logits (0 means greedy);
/// top-k keeps the k most likely tokens (0 = all); top-p keeps the smallest set whose probability reaches p (1 = all).
/// </summary>
public readonly record struct SamplingOptions(float Temperature = 1f, int TopK = 0, float TopP = 1f)
{
    public static readonly SamplingOptions Default = new(1f, 0, 1f);

    public void Validate()
    {
        if (float.IsNaN(Temperature) || Temperature < 0) throw new EuterpeException($"temperature must be ≥ 0 (got {Temperature})");
        if (TopK < 0) throw new EuterpeException($"top-k must be ≥ 0 (got {TopK})");
        if (!(TopP > 0 && TopP <= 1)) throw new EuterpeException($"top-p must be in (0, 1] (got {TopP})");
    }
}

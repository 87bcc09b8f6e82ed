namespace Euterpe.Core.Generation;

/// <summary>
/// Steps an autoregressive token model: feeds the last token, samples the next with the current sampling options
/// and conditioning. Conditioning and options may change between steps (that is how the plugin's knobs steer).
/// Allocation-free after construction.
/// </summary>
public sealed class TokenGenerator
{
    private readonly ITokenStepModel _model;
    private readonly TokenSampler _sampler;
    private readonly float[] _conditioning;
    private readonly RandomSource _random;
    private ReadOnlyMemory<bool> _mask;
    private ReadOnlyMemory<float> _bias;
    private float[]? _biased;

    public TokenGenerator(ITokenStepModel model, int startToken, ulong seed, SamplingOptions? options = null)
    {
        _model = model;
        if (startToken < 0 || startToken >= model.VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(startToken), $"start token {startToken} is outside the vocabulary of {model.VocabularySize}");
        StartToken = startToken;
        _sampler = new TokenSampler(model.VocabularySize);
        _conditioning = new float[model.ConditioningSize];
        _random = new RandomSource(seed);
        Options = options ?? SamplingOptions.Default;
        Options.Validate();
        LastToken = startToken;
    }

    public int StartToken { get; }

    public SamplingOptions Options { get; set; }

    /// <summary>The token fed at the next step (the last one sampled or primed).</summary>
    public int LastToken { get; private set; }

    /// <summary>Tokens generated or primed since the last reset.</summary>
    public long Position { get; private set; }

    /// <summary>The conditioning vector in force; write into it between steps.</summary>
    public Span<float> Conditioning => _conditioning;

    /// <summary>Tokens the sampler may not choose (false entries), e.g. to keep a scale; empty means all allowed.</summary>
    public void SetMask(ReadOnlyMemory<bool> mask)
    {
        if (!mask.IsEmpty && mask.Length != _model.VocabularySize)
            throw new ArgumentException($"mask has {mask.Length} entries, vocabulary has {_model.VocabularySize}", nameof(mask));
        _mask = mask;
    }

    /// <summary>Starts again from the model's initial state with a new seed: same seed, same tokens.</summary>
    /// <summary>
    /// Adds <paramref name="bias"/> (one value per token, read at every step: change it in place between steps) to the
    /// model's logits before sampling; empty for none.
    /// </summary>
    public void SetLogitBias(ReadOnlyMemory<float> bias)
    {
        if (!bias.IsEmpty && bias.Length != _model.VocabularySize)
            throw new ArgumentException($"bias has {bias.Length} entries, vocabulary has {_model.VocabularySize}", nameof(bias));
        _biased ??= bias.IsEmpty ? null : new float[_model.VocabularySize];
        _bias = bias;
    }

    public void Reset(ulong seed)
    {
        _model.ResetState();
        _random.Reseed(seed);
        LastToken = StartToken;
        Position = 0;
    }

    /// <summary>Feeds existing tokens (a clip, notes played live) so generation continues from them.</summary>
    public void Prime(ReadOnlySpan<int> tokens)
    {
        foreach (var token in tokens)
        {
            if ((uint)token >= (uint)_model.VocabularySize)
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token {token} is outside the vocabulary of {_model.VocabularySize}");
            _model.Step(LastToken, _conditioning);
            LastToken = token;
            Position++;
        }
    }

    /// <summary>Runs one model step and samples the next token.</summary>
    public int Next()
    {
        var logits = _model.Step(LastToken, _conditioning);
        if (!_bias.IsEmpty)
        {
            var biased = _biased.AsSpan();
            var bias = _bias.Span;
            for (var i = 0; i < biased.Length; i++) biased[i] = logits[i] + bias[i];
            logits = biased;
        }
        LastToken = _sampler.Sample(logits, Options, _random, _mask.Span);
        Position++;
        return LastToken;
    }

    /// <summary>
    /// Replaces the token just sampled before the model reads it (at the next step), e.g. a time shift cut short at a
    /// boundary; the rest of the generator's state is unchanged.
    /// </summary>
    public void ReplaceLast(int token)
    {
        if ((uint)token >= (uint)_model.VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(token), $"token {token} is outside the vocabulary of {_model.VocabularySize}");
        LastToken = token;
    }

    /// <summary>Fills <paramref name="destination"/> with the next tokens.</summary>
    public void Next(Span<int> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = Next();
    }
}

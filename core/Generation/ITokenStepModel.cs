namespace Euterpe.Core.Generation;

/// <summary>
/// An autoregressive token model stepped one token at a time, its recurrent state carried inside.
/// One call is one model run; the returned logits stay valid until the next call.
/// </summary>
public interface ITokenStepModel : IDisposable
{
    int VocabularySize { get; }

    /// <summary>Length of the conditioning vector fed at every step (0 for unconditional models).</summary>
    int ConditioningSize { get; }

    /// <summary>Clears the recurrent state to the model's initial state.</summary>
    void ResetState();

    /// <summary>Feeds one token (with the conditioning in force) and returns the logits of the next token.</summary>
    ReadOnlySpan<float> Step(int token, ReadOnlySpan<float> conditioning);
}

namespace Euterpe.Core.Inference.Generators;

/// <summary>The decoder half of a sequence autoencoder: a code vector in, a token sequence out.</summary>
public interface ICodeDecoder : IDisposable
{
    int CodeSize { get; }

    /// <summary>Tokens one decode writes.</summary>
    int SequenceLength { get; }

    void Decode(ReadOnlySpan<float> code, Span<int> tokens);
}

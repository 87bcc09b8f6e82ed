namespace Euterpe.Core.Inference.Generators;

/// <summary>
/// Walks the binary code space of a sequence autoencoder: each step flips a few random bits of the current code
/// and decodes it, so consecutive phrases are variations of each other (the continuous-sequential-autoencoder idea).
/// Bits are held as ±1 floats, the form the decoder reads.
/// </summary>
public sealed class CodeWalkGenerator
{
    private readonly ICodeDecoder _decoder;
    private readonly float[] _code;
    private readonly RandomSource _random;
    private readonly int[] _bitOrder; // scratch for drawing distinct bits without allocating
    private int _bitsPerStep;

    public CodeWalkGenerator(ICodeDecoder decoder, ulong seed, int bitsPerStep = 1)
    {
        _decoder = decoder;
        _code = new float[decoder.CodeSize];
        _bitOrder = new int[decoder.CodeSize];
        _random = new RandomSource(seed);
        BitsPerStep = bitsPerStep;
        Reset(seed);
    }

    /// <summary>How many distinct bits change per step (0 to the code size): 1 keeps phrases close, more wanders further.</summary>
    public int BitsPerStep
    {
        get => _bitsPerStep;
        set => _bitsPerStep = value >= 0 && value <= _code.Length ? value
            : throw new ArgumentOutOfRangeException(nameof(value), $"{value} bits per step, the code has {_code.Length}");
    }

    public ReadOnlySpan<float> Code => _code;

    public int SequenceLength => _decoder.SequenceLength;

    /// <summary>Draws a fresh random code.</summary>
    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        for (var i = 0; i < _code.Length; i++) _code[i] = (_random.NextUInt64() & 1) == 0 ? -1f : 1f;
    }

    /// <summary>Starts the walk from a given code (e.g. the encoding of a primed phrase), binarised by sign.</summary>
    public void SetCode(ReadOnlySpan<float> code)
    {
        if (code.Length != _code.Length) throw new ArgumentException($"code has {code.Length} values, decoder reads {_code.Length}", nameof(code));
        for (var i = 0; i < code.Length; i++) _code[i] = code[i] >= 0 ? 1f : -1f;
    }

    /// <summary>Decodes the current code without moving.</summary>
    public void DecodeCurrent(Span<int> tokens) => _decoder.Decode(_code, tokens);

    /// <summary>Flips <see cref="BitsPerStep"/> random bits, then decodes the new code.</summary>
    public void Step(Span<int> tokens)
    {
        // A partial Fisher–Yates shuffle picks distinct bits, so exactly BitsPerStep of them flip.
        for (var i = 0; i < _bitOrder.Length; i++) _bitOrder[i] = i;
        for (var i = 0; i < _bitsPerStep; i++)
        {
            var j = i + _random.NextInt(_bitOrder.Length - i);
            (_bitOrder[i], _bitOrder[j]) = (_bitOrder[j], _bitOrder[i]);
            _code[_bitOrder[i]] = -_code[_bitOrder[i]];
        }
        _decoder.Decode(_code, tokens);
    }
}

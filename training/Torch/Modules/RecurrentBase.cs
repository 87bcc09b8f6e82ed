namespace Euterpe.Training.Torch.Modules;

/// <summary>
/// Shared weights of multi-layer LSTM/GRU in PyTorch's flat order and naming: per layer and direction
/// weight_ih_l{k}[_reverse] [gates·hidden, in], weight_hh_l{k} [gates·hidden, hidden], bias_ih_l{k}, bias_hh_l{k};
/// all initialised U(-1/√hidden, 1/√hidden) like PyTorch.
/// </summary>
public abstract class RecurrentBase : Module
{
    private readonly Tensor[] flatWeights;

    protected RecurrentBase(string name, int gates, long inputSize, long hiddenSize, int numLayers, bool hasBias, bool batchFirst,
        double dropout, bool bidirectional) : base(name)
    {
        if (numLayers < 1) throw new TorchException($"{name}: num_layers must be at least 1, got {numLayers}");
        if (dropout is < 0 or > 1) throw new TorchException($"{name}: dropout must be in [0, 1], got {dropout}");
        (InputSize, HiddenSize, NumLayers, HasBias, BatchFirst, Dropout, Bidirectional) =
            (inputSize, hiddenSize, numLayers, hasBias, batchFirst, dropout, bidirectional);
        var weights = new List<Tensor>();
        var directions = bidirectional ? 2 : 1;
        for (var layer = 0; layer < numLayers; layer++)
        {
            for (var dir = 0; dir < directions; dir++)
            {
                var suffix = $"_l{layer}{(dir == 1 ? "_reverse" : "")}";
                var layerInput = layer == 0 ? inputSize : hiddenSize * directions;
                weights.Add(register_parameter("weight_ih" + suffix, Init.Uniform([gates * hiddenSize, layerInput], hiddenSize)));
                weights.Add(register_parameter("weight_hh" + suffix, Init.Uniform([gates * hiddenSize, hiddenSize], hiddenSize)));
                if (hasBias)
                {
                    weights.Add(register_parameter("bias_ih" + suffix, Init.Uniform([gates * hiddenSize], hiddenSize)));
                    weights.Add(register_parameter("bias_hh" + suffix, Init.Uniform([gates * hiddenSize], hiddenSize)));
                }
            }
        }
        flatWeights = [.. weights];
    }

    public long InputSize { get; }

    public long HiddenSize { get; }

    public int NumLayers { get; }

    public bool HasBias { get; }

    public bool BatchFirst { get; }

    public double Dropout { get; }

    public bool Bidirectional { get; }

    internal IntPtr[] FlatWeightHandles() => torch.Handles(flatWeights);

    protected void CheckInput(Tensor input)
    {
        var s = input.shape;
        if (s.Length != 3 || s[2] != InputSize)
            throw new TorchException($"{GetName}: expected input [{(BatchFirst ? "batch, seq" : "seq, batch")}, {InputSize}], got [{string.Join(", ", s)}]");
    }
}

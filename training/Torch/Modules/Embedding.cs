namespace Euterpe.Training.Torch.Modules;

/// <summary>Looks up rows of "weight" [num, dim] (initialised N(0, 1) as in PyTorch) by integer index.</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    public Embedding(long numEmbeddings, long embeddingDim) : base(nameof(Embedding))
    {
        using var noGrad = torch.no_grad();
        weight = register_parameter(nameof(weight), torch.zeros(numEmbeddings, embeddingDim).normal_());
    }

    public Tensor weight { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.embedding(input, weight);
}

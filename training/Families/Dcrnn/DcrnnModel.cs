using TorchSharp;

namespace Euterpe.Training.Families.Dcrnn;

/// <summary>The generator and the critic of one run, as one module so that one checkpoint holds both.</summary>
public sealed class DcrnnModel : torch.nn.Module
{
    public DcrnnModel(DcrnnRunConfig config) : base(nameof(DcrnnModel))
    {
        generator = new DcrnnGenerator(config);
        critic = new DcrnnCritic();
        register_module(nameof(generator), generator);
        register_module(nameof(critic), critic);
    }

    public DcrnnGenerator generator { get; }

    public DcrnnCritic critic { get; }
}

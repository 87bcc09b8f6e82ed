namespace Euterpe.Training.Torch.Modules;

/// <summary>Transposed 2-d convolution; "weight" [in, out/groups, kh, kw] as in PyTorch, "bias" [out].</summary>
public sealed class ConvTranspose2d : Module<Tensor, Tensor>
{
    private readonly long[] stride, padding, outputPadding, dilation;
    private readonly long groups;

    public ConvTranspose2d(long inChannels, long outChannels, long[] kernelSize, long[]? stride = null, long[]? padding = null,
        long[]? outputPadding = null, long groups = 1, bool hasBias = true, long[]? dilation = null) : base(nameof(ConvTranspose2d))
    {
        this.stride = stride ?? [1, 1];
        this.padding = padding ?? [0, 0];
        this.outputPadding = outputPadding ?? [0, 0];
        this.dilation = dilation ?? [1, 1];
        this.groups = groups;
        // PyTorch computes fan_in from weight dim 1 (out/groups) times the kernel area.
        var fanIn = outChannels / groups * kernelSize[0] * kernelSize[1];
        weight = register_parameter(nameof(weight), Init.Uniform([inChannels, outChannels / groups, kernelSize[0], kernelSize[1]], fanIn));
        bias = hasBias ? register_parameter(nameof(bias), Init.Uniform([outChannels], fanIn)) : null;
    }

    public Tensor weight { get; }

    public Tensor? bias { get; }

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.conv_transpose2d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
}

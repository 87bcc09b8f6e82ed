namespace Euterpe.Training.Torch.Modules;

/// <summary>2-d convolution over [N, C, H, W]; "weight" [out, in/groups, kh, kw], "bias" [out].</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    private readonly long[] stride, padding, dilation;
    private readonly long groups;

    public Conv2d(long inChannels, long outChannels, long[] kernelSize, long[]? stride = null, long[]? padding = null,
        long[]? dilation = null, long groups = 1, bool hasBias = true) : base(nameof(Conv2d))
    {
        this.stride = stride ?? [1, 1];
        this.padding = padding ?? [0, 0];
        this.dilation = dilation ?? [1, 1];
        this.groups = groups;
        var fanIn = inChannels / groups * kernelSize[0] * kernelSize[1];
        weight = register_parameter(nameof(weight), Init.Uniform([outChannels, inChannels / groups, kernelSize[0], kernelSize[1]], fanIn));
        bias = hasBias ? register_parameter(nameof(bias), Init.Uniform([outChannels], fanIn)) : null;
    }

    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0)
        : this(inChannels, outChannels, [kernelSize, kernelSize], [stride, stride], [padding, padding]) { }

    public Tensor weight { get; }

    public Tensor? bias { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
}

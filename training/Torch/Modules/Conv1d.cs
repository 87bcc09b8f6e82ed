namespace Euterpe.Training.Torch.Modules;

/// <summary>1-d convolution over [N, C, L]; "weight" [out, in/groups, k], "bias" [out].</summary>
public sealed class Conv1d : Module<Tensor, Tensor>
{
    private readonly long stride, padding, dilation, groups;

    public Conv1d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
        long groups = 1, bool hasBias = true) : base(nameof(Conv1d))
    {
        (this.stride, this.padding, this.dilation, this.groups) = (stride, padding, dilation, groups);
        var fanIn = inChannels / groups * kernelSize;
        weight = register_parameter(nameof(weight), Init.Uniform([outChannels, inChannels / groups, kernelSize], fanIn));
        bias = hasBias ? register_parameter(nameof(bias), Init.Uniform([outChannels], fanIn)) : null;
    }

    public Tensor weight { get; }

    public Tensor? bias { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.conv1d(input, weight, bias, stride, padding, dilation, groups);
}

namespace Euterpe.Training.Torch;

/// <summary>Where a tensor lives: the CPU or one CUDA device (index -1 means the current one).</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static Device CPU => new(DeviceType.CPU);

    public static Device CUDA => new(DeviceType.CUDA);

    /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
    public static Device Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "cpu") return CPU;
        if (t == "cuda") return CUDA;
        if (t.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(t.AsSpan(5), out var i) && i >= 0) return new(DeviceType.CUDA, i);
        throw new TorchException($"device '{text}': expected cpu, cuda or cuda:N");
    }

    public override string ToString() => Type == DeviceType.CPU ? "cpu" : Index < 0 ? "cuda" : $"cuda:{Index}";
}

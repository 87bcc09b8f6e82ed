namespace Euterpe.Core.Onnx;

/// <summary>One node attribute. Exactly the member matching <see cref="Type"/> is meaningful.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeType type) { Name = name; Type = type; }

    public string Name { get; }
    public OnnxAttributeType Type { get; }
    public float Float { get; private init; }
    public long Int { get; private init; }
    public string String { get; private init; } = "";
    public OnnxTensor? Tensor { get; private init; }
    public float[] Floats { get; private init; } = [];
    public long[] Ints { get; private init; } = [];
    public string[] Strings { get; private init; } = [];

    public static OnnxAttribute Of(string name, float value) => new(name, OnnxAttributeType.Float) { Float = value };
    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeType.Int) { Int = value };
    public static OnnxAttribute Of(string name, string value) => new(name, OnnxAttributeType.String) { String = value };
    public static OnnxAttribute Of(string name, OnnxTensor value) => new(name, OnnxAttributeType.Tensor) { Tensor = value };
    public static OnnxAttribute Of(string name, float[] values) => new(name, OnnxAttributeType.Floats) { Floats = values };
    public static OnnxAttribute Of(string name, long[] values) => new(name, OnnxAttributeType.Ints) { Ints = values };
    public static OnnxAttribute Of(string name, string[] values) => new(name, OnnxAttributeType.Strings) { Strings = values };

    /// <summary>An attribute of a kind this library does not model (graphs); kept so a reader can still list it.</summary>
    internal static OnnxAttribute Opaque(string name, OnnxAttributeType type) => new(name, type);

    public override string ToString() => Type switch
    {
        OnnxAttributeType.Float => $"{Name}={Float}",
        OnnxAttributeType.Int => $"{Name}={Int}",
        OnnxAttributeType.String => $"{Name}=\"{String}\"",
        OnnxAttributeType.Floats => $"{Name}=[{string.Join(",", Floats)}]",
        OnnxAttributeType.Ints => $"{Name}=[{string.Join(",", Ints)}]",
        OnnxAttributeType.Strings => $"{Name}=[{string.Join(",", Strings)}]",
        _ => $"{Name}:{Type}",
    };
}

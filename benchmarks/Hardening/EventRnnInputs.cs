using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>Valid .npy inputs for one step of the event-RNN preset's model (token, conditioning, LSTM state), for <c>onnx run</c>.</summary>
internal static class EventRnnInputs
{
    /// <summary>The inputs' names and shapes, as the preset's manifest lists them.</summary>
    public static readonly (string Name, int[] Shape)[] FloatInputs =
    [
        ("conditioning", [1, 14]),
        ("h0_l0", [1, 1, 128]), ("c0_l0", [1, 1, 128]), ("h0_l1", [1, 1, 128]), ("c0_l1", [1, 1, 128]),
    ];

    /// <summary>Writes every input into <paramref name="folder"/>, <paramref name="replaced"/> (name → bytes) instead of the valid one; returns the --input arguments.</summary>
    public static List<string> Write(string folder, IReadOnlyDictionary<string, byte[]>? replaced = null)
    {
        var arguments = new List<string>();
        var token = NpyMutants.Write("<i8", "(1, 1)", BitConverter.GetBytes(60L));
        foreach (var (name, bytes) in FloatInputs.Select(i => (i.Name, NpyMutants.Write("<f4", NpyMutants.Shape(i.Shape), NpyMutants.Floats(i.Shape.Aggregate(1, (a, b) => a * b), 0.1f))))
                     .Prepend(("token", token)))
        {
            var path = Workspace.Write(folder, $"in/{name}.npy", replaced is not null && replaced.TryGetValue(name, out var r) ? r : bytes);
            arguments.AddRange(["--input", $"{name}={path}"]);
        }
        return arguments;
    }
}

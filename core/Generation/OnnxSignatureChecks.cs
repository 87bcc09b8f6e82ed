using Euterpe.Core.Runtime;
using Euterpe.Core.Tensors;
namespace Euterpe.Core.Generation;

/// <summary>
/// Checks a role description (a *Signature record) against what the session declares, so a wrong model fails at load
/// with one line naming the model, the role and the mismatch, rather than deep inside ONNX Runtime at the first step.
/// </summary>
internal static class OnnxSignatureChecks
{
    public static TensorInfo Input(InferenceSession session, string kind, string role, string name)
    {
        if (string.IsNullOrEmpty(name)) throw new EuterpeException($"{session.Source}: {kind} signature gives no name for the {role}");
        return session.Inputs.FirstOrDefault(i => i.Name == name)
            ?? throw new EuterpeException($"{session.Source}: {kind} has no input '{name}' for the {role} (inputs: {List(session.Inputs)})");
    }

    public static TensorInfo Output(InferenceSession session, string kind, string role, string name)
    {
        if (string.IsNullOrEmpty(name)) throw new EuterpeException($"{session.Source}: {kind} signature gives no name for the {role}");
        return session.Outputs.FirstOrDefault(o => o.Name == name)
            ?? throw new EuterpeException($"{session.Source}: {kind} has no output '{name}' for the {role} (outputs: {List(session.Outputs)})");
    }

    public static Exception Mismatch(InferenceSession session, string kind, string role, TensorInfo info, string expected) =>
        new EuterpeException($"{session.Source}: {kind} {role} '{info.Name}' must be {expected}; the model declares {info}");

    public static void RequireType(InferenceSession session, string kind, string role, TensorInfo info, TensorElementType type, string expected)
    {
        if (info.ElementType != type) throw Mismatch(session, kind, role, info, expected);
    }

    /// <summary>The shape with symbolic dimensions (batch, time) fixed at 1: generators run one sequence one step at a time.</summary>
    public static long[] Resolve(TensorInfo info) => info.Shape.Select(d => d < 0 ? 1 : d).ToArray();

    /// <summary>True when the shape is <paramref name="leading"/> dimensions of 1 (or symbolic) followed by one fixed size.</summary>
    public static bool IsOnesThen(TensorInfo info, int leading, out long last)
    {
        last = info.Shape.Length == leading + 1 ? info.Shape[^1] : -1;
        if (info.Shape.Length != leading + 1 || last <= 0) return false;
        for (var d = 0; d < leading; d++) if (info.Shape[d] > 1 || info.Shape[d] == 0) return false;
        return true;
    }

    /// <summary>Every model input must have exactly one role (or nothing would feed it), and no output two.</summary>
    public static void RequireRoles(InferenceSession session, string kind, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        var set = new HashSet<string>();
        foreach (var name in inputs)
            if (!set.Add(name)) throw new EuterpeException($"{session.Source}: {kind} input '{name}' has two roles in the signature");
        var missing = session.Inputs.FirstOrDefault(i => !set.Contains(i.Name));
        if (missing is not null)
            throw new EuterpeException($"{session.Source}: {kind} input '{missing.Name}' ({missing}) has no role in the signature");
        var outputSet = new HashSet<string>();
        foreach (var name in outputs)
            if (!outputSet.Add(name)) throw new EuterpeException($"{session.Source}: {kind} output '{name}' has two roles in the signature");
    }

    /// <summary>State pairs: both ends exist, agree in type and shape, and are fully known once batch is 1.</summary>
    public static List<StateSlot> StatePairs(InferenceSession session, string kind, IReadOnlyList<(string Input, string Output)>? pairs)
    {
        var slots = new List<StateSlot>();
        foreach (var (inputName, outputName) in pairs ?? [])
        {
            var input = Input(session, kind, "state input", inputName);
            var output = Output(session, kind, $"state output paired with '{inputName}'", outputName);
            if (TensorElementTypes.SizeOf(input.ElementType) == 0) throw Mismatch(session, kind, "state input", input, "a numeric tensor");
            var shape = Resolve(input);
            if (output.ElementType != input.ElementType || !Compatible(output.Shape, shape))
                throw new EuterpeException($"{session.Source}: {kind} state output '{output.Name}' ({output}) does not match its input '{input.Name}' ({input})");
            slots.Add(new StateSlot(inputName, outputName, input.ElementType, shape));
        }
        return slots;
    }

    private static bool Compatible(long[] declared, long[] shape) =>
        declared.Length == shape.Length && declared.Zip(shape).All(p => p.First < 0 || p.First == p.Second);

    private static string List(IEnumerable<TensorInfo> infos) => string.Join(", ", infos.Select(i => i.Name));
}

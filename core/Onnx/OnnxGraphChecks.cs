namespace Euterpe.Core.Onnx;

/// <summary>
/// Structural checks an exporter can run without the ONNX checker: every value is defined once, nodes only read
/// values defined earlier (ONNX requires topological order), declared outputs exist, and the default domain is imported.
/// Operator semantics and shapes are not checked here.
/// </summary>
public static class OnnxGraphChecks
{
    /// <summary>Throws <see cref="EuterpeException"/> <c>SOURCE: problem</c> for the first problem found.</summary>
    public static void Validate(OnnxModel model, string source)
    {
        if (FirstProblem(model) is { } problem) throw new EuterpeException($"{source}: {problem}");
    }

    public static string? FirstProblem(OnnxModel model)
    {
        if (model.DefaultDomainOpset == 0) return "the model imports no opset of the default ONNX domain";
        var graph = model.Graph;
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in graph.Inputs.Select(i => i.Name).Concat(graph.Initializers.Select(t => t.Name)))
        {
            if (string.IsNullOrEmpty(name)) return "a graph input or initializer has an empty name";
            // An initializer may repeat a graph input's name (an overridable default); anything else is a clash.
            if (!defined.Add(name) && !graph.Inputs.Exists(i => i.Name == name)) return $"value \"{name}\" is defined twice";
        }
        foreach (var node in graph.Nodes)
        {
            if (string.IsNullOrEmpty(node.OpType)) return $"node \"{node.Name}\" has no operator type";
            foreach (var input in node.Inputs)
                if (input.Length > 0 && !defined.Contains(input))
                    return $"node \"{node.Name}\" ({node.OpType}) reads \"{input}\", which no graph input, initializer or earlier node defines";
            foreach (var output in node.Outputs)
                if (output.Length > 0 && !defined.Add(output))
                    return $"node \"{node.Name}\" ({node.OpType}) defines \"{output}\", which is already defined";
        }
        if (graph.Outputs.Count == 0) return "the graph declares no outputs";
        foreach (var output in graph.Outputs)
            if (!defined.Contains(output.Name)) return $"graph output \"{output.Name}\" is not produced by any node, input or initializer";
        return null;
    }
}

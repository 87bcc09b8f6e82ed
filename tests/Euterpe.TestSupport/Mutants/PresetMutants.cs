using System.Text.Json;
using System.Text.Json.Nodes;

namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Seeded mutants of a preset's manifest.json: broken JSON, a wrong root, and single fields replaced by null, arrays,
/// huge, zero or negative numbers, long strings or strings with NUL characters; and models that are /dev/zero or a folder.
/// </summary>
public static class PresetMutants
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary><paramref name="count"/> mutants of <paramref name="manifestJson"/>; the first is the manifest unchanged (a valid control).</summary>
    public static IReadOnlyList<PresetMutant> Create(string manifestJson, int seed, int count)
    {
        var leaves = Paths(JsonNode.Parse(manifestJson)!, "").ToArray();
        var designed = new List<PresetMutant>
        {
            new("original", manifestJson, Expectation.Good),
            new("empty-file", "", Expectation.Bad),
            new("null", "null", Expectation.Bad),
            new("array", "[]", Expectation.Bad),
            new("empty-object", "{}", Expectation.Bad),
            new("string", "\"manifest\"", Expectation.Bad),
            new("cut-in-half", manifestJson[..(manifestJson.Length / 2)], Expectation.Bad),
            new("nested-100000", new string('[', 100_000) + new string(']', 100_000), Expectation.Bad),
            new("nul-inside", manifestJson.Insert(manifestJson.IndexOf('"', 5) + 1, "\0"), Expectation.Bad),
            new("format-version-99", Set(manifestJson, "formatVersion", 99), Expectation.Bad),
            new("family-unknown", Set(manifestJson, "family", "no-such-family"), Expectation.Bad),
            new("family-null", Set(manifestJson, "family", null), Expectation.Bad),
            new("model-dev-zero", manifestJson, Expectation.Bad, "/dev/zero"),
            new("model-is-folder", manifestJson, Expectation.Bad, "."),
            new("model-missing", manifestJson, Expectation.Bad, "/nonexistent/euterpe-model"),
        };
        return MutantPicker.Pick(designed, seed, count, (rng, i) =>
        {
            var path = leaves[rng.Next(leaves.Length)];
            var (label, value) = Replacements[rng.Next(Replacements.Length)];
            return new PresetMutant($"{path.TrimStart('.')}={label}", Set(manifestJson, path, value?.DeepClone()), Expectation.Either);
        });
    }

    // What a field is replaced by; a JsonNode (cloned per use) or null for JSON null.
    private static readonly (string Label, JsonNode? Value)[] Replacements =
    [
        ("null", null),
        ("array", new JsonArray()),
        ("object", new JsonObject()),
        ("zero", 0),
        ("negative", -1),
        ("huge", 1e308),
        ("int-max", long.MaxValue),
        ("fraction", 0.5),
        ("empty-string", ""),
        ("long-string", new string('x', 100_000)),
        ("nul-string", "a\0b\u001b[31m"),
        ("number-as-string", "1"),
        ("true", true),
    ];

    /// <summary>The manifest with the field at <paramref name="path"/> (<c>.a.b[0]</c>, or a top-level name) set to <paramref name="value"/>.</summary>
    public static string Set(string manifestJson, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(manifestJson)!;
        var parts = path.TrimStart('.').Replace("[", ".[").Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++) node = Child(node, parts[i])!;
        var last = parts[^1];
        if (last.StartsWith('[')) node.AsArray()[int.Parse(last[1..^1])] = value;
        else node.AsObject()[last] = value;
        return root.ToJsonString(Indented);
    }

    private static JsonNode? Child(JsonNode node, string part) =>
        part.StartsWith('[') ? node.AsArray()[int.Parse(part[1..^1])] : node.AsObject()[part];

    // Every field and element, so a random mutant may hit any of them, nested or not.
    private static IEnumerable<string> Paths(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    yield return $"{prefix}.{name}";
                    if (child is not null) foreach (var p in Paths(child, $"{prefix}.{name}")) yield return p;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return $"{prefix}[{i}]";
                    if (array[i] is { } child) foreach (var p in Paths(child, $"{prefix}[{i}]")) yield return p;
                }
                break;
        }
    }
}

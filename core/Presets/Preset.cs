using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Euterpe.Core.IO;
using Euterpe.Core.Runtime;
using Euterpe.Core.Text;

namespace Euterpe.Core.Presets;

/// <summary>
/// A preset: a folder whose manifest.json says what it is (id, display name, family) and which files beside it hold
/// the model. <see cref="Open"/> reads and parses manifest.json once; the family's own record comes from that same
/// parse (<see cref="ModelManifest"/> for the ONNX families via <see cref="OnnxManifest"/>, the n-gram's through
/// <see cref="Deserialize{T}"/>). Every problem is one <c>FILE: problem</c> <see cref="EuterpeException"/>.
/// </summary>
public sealed partial class Preset
{
    public const string ManifestFileName = "manifest.json";
    public const string ModelFileName = "model.onnx";

    private readonly JsonElement _root;
    private ModelManifest? _onnx;

    private Preset(string folder, string manifestPath, JsonElement root, string family, string id, string displayName)
    {
        Folder = folder;
        ManifestPath = manifestPath;
        _root = root;
        Family = family;
        Id = id;
        DisplayName = displayName;
    }

    /// <summary>The folder as given (relative paths stay relative).</summary>
    public string Folder { get; }

    public string ManifestPath { get; }

    /// <summary>The manifest's "family", e.g. "conditional-event-rnn".</summary>
    public string Family { get; }

    /// <summary>The manifest's "id", else the folder's name.</summary>
    public string Id { get; }

    /// <summary>The manifest's "displayName", else the folder's name.</summary>
    public string DisplayName { get; }

    /// <summary>The folder's own name.</summary>
    public string Name => Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));

    /// <summary>model.onnx beside the manifest (the ONNX families' model).</summary>
    public string ModelPath => FilePath(ModelFileName);

    public string FilePath(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>Reads the folder's manifest.json: its JSON and its family, id and display name.</summary>
    public static Preset Open(string folder)
    {
        if (File.Exists(folder)) throw new EuterpeException($"{folder}: is a file; a preset is a folder with a {ManifestFileName}");
        if (!Directory.Exists(folder)) throw new EuterpeException($"{folder}: preset folder not found");
        var path = Path.Combine(folder, ManifestFileName);
        if (!Path.Exists(path)) throw new EuterpeException($"{folder}: not a preset (no {ManifestFileName})");
        var bytes = InputFile.ReadAllBytes(path, InputFile.MaxManifestBytes, "manifest");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: invalid manifest JSON{Where(e)}: {OneLine(e.Message)}", inner: e);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new EuterpeException($"{path}: the manifest is not a JSON object");
        if (ManifestLimits.TextProblem(root) is { } text) throw new EuterpeException($"{path}: {text}");
        var family = String(root, "family") ?? throw new EuterpeException($"{path}: missing \"family\"");
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        return new Preset(folder, path, root, family, String(root, "id") ?? name, String(root, "displayName") ?? name);
    }

    /// <summary>The ONNX families' manifest, parsed from the one read and checked field by field (once).</summary>
    public ModelManifest OnnxManifest => _onnx ??= ModelManifest.FromJson(_root, ManifestPath);

    /// <summary>
    /// Opens model.onnx in ONNX Runtime and checks the manifest against the inputs and outputs it declares: every
    /// tensor the manifest names exists with its element type and a compatible shape, and every input is one the
    /// manifest says how to feed. The model is parsed once, by the runtime that runs it.
    /// </summary>
    public InferenceSession OpenSession(InferenceOptions? options = null)
    {
        var manifest = OnnxManifest;
        if (!File.Exists(ModelPath)) throw new EuterpeException($"{ModelPath}: missing (an ONNX preset holds {ModelFileName} beside its {ManifestFileName})");
        var session = InferenceSession.Open(ModelPath, options);
        try
        {
            manifest.ValidateAgainst(session.Inputs, session.Outputs, ModelPath);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A family's own manifest record from the one read; a JSON mismatch is one line naming the manifest.</summary>
    public T Deserialize<T>(JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return _root.Deserialize(typeInfo) ?? throw new EuterpeException($"{ManifestPath}: empty manifest");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{ManifestPath}: {OneLine(NamingThePropertyType(e, typeInfo))}", inner: e);
        }
    }

    // Source-generated metadata for a record with required or init-only members names the record, not the member, in
    // "could not be converted to TYPE. Path: $.a.b": name the member's own type (found along the path) as reflection did.
    private static string NamingThePropertyType(JsonException e, JsonTypeInfo root)
    {
        if (e.Path is not { } path || !path.StartsWith("$.", StringComparison.Ordinal)) return e.Message;
        Type? type = null;
        var info = root;
        foreach (var name in path[2..].Split('.'))
        {
            var property = info?.Properties.FirstOrDefault(p => p.Name == name);
            if (property is null) return e.Message; // an indexer or an unknown member: leave the message as it is
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            info = root.Options.TryGetTypeInfo(type, out var next) ? next : null;
        }
        return type is null ? e.Message : WrongKindType().Replace(e.Message, $"could not be converted to {type.FullName}.", 1);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to \S+?\.(?= Path:)")]
    private static partial System.Text.RegularExpressions.Regex WrongKindType();

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Where(JsonException e) => e.LineNumber is { } line ? $" (line {line + 1})" : "";

    // System.Text.Json appends " Path: $.x | LineNumber: … | BytePositionInLine: …"; keep the JSON path only.
    // A value of the wrong kind reads "The JSON value could not be converted to System.Int64. Path: $.x": in our words,
    // "$.x: expected a whole number".
    internal static string OneLine(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut].TrimEnd(' ', '|') : message).ReplaceLineEndings(" ");
        var wrongKind = WrongKind().Match(text);
        if (wrongKind.Success) return $"{wrongKind.Groups["path"].Value}: expected {ValueKindWords.Of(wrongKind.Groups["type"].Value, "an object")}";
        var unknown = UnknownProperty().Match(text);
        return unknown.Success ? $"unknown property {UserText.Quote(unknown.Groups["name"].Value, 40)}" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+?)\.? Path: (?<path>\S+)")]
    private static partial System.Text.RegularExpressions.Regex WrongKind();

    // "The JSON property 'x' could not be mapped to any .NET member contained in type '…'": a misspelt or foreign key.
    [System.Text.RegularExpressions.GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial System.Text.RegularExpressions.Regex UnknownProperty();
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Source-generated (reflection-free, NativeAOT-safe) JSON metadata for the encoding options manifests carry in
/// vocabulary.encoding.options, and the free-form options dictionary they are read from. The options' members are
/// settable, not init-only: for init-only members the generated code would pass default(T) for an option left out.
/// </summary>
[JsonSerializable(typeof(PerformanceEncodingOptions))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class EncodingOptionsJsonContext : JsonSerializerContext;

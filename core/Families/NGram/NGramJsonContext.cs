using System.Text.Json.Serialization;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// Source-generated (reflection-free, NativeAOT-safe) JSON metadata for the n-gram files: the model (with its provenance
/// as metadata), the manifest and the provenance alone. Each file keeps its own options (naming, nulls, indenting);
/// they take their type information from here. Members with a default value are settable, not init-only: for init-only
/// members the generated code passes default(T) for a member the file leaves out, losing the default (MinSongs = 1).
/// </summary>
[JsonSerializable(typeof(NGramDocument))]
[JsonSerializable(typeof(NGramManifest))]
[JsonSerializable(typeof(NGramProvenance))]
internal sealed partial class NGramJsonContext : JsonSerializerContext;

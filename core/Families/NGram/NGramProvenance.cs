using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// Where an n-gram model came from, saved as the model file's metadata: data folder, files of each split, order,
/// the note encoding it was trained with (needed to decode what it generates), and its validation cross-entropy.
/// </summary>
public sealed record NGramProvenance
{
    public required string Data { get; init; }

    public required NoteEncodingSettings Encoding { get; init; }

    public int Order { get; set; }

    /// <summary>The fewest training songs a pitch or duration context was heard in to be used (1: every context; absent in older models).</summary>
    public int MinSongs { get; set; } = 1;

    public ulong Seed { get; set; }

    public double ValidationFraction { get; set; }

    public IReadOnlyList<string> TrainFiles { get; set; } = [];

    public IReadOnlyList<string> ValidationFiles { get; set; } = [];

    public long TrainNotes { get; set; }

    public long ValidationNotes { get; set; }

    /// <summary>Mean negative log-likelihood per note (pitch + duration) in nats on the validation files; null without any.</summary>
    public double? ValidationCrossEntropy { get; set; }

    /// <summary>The metadata of a model file saved by <see cref="NGramNoteModel.Save"/> with a provenance.</summary>
    public static NGramProvenance ReadFrom(string modelPath)
    {
        try
        {
            using var document = JsonDocument.Parse(InputFile.ReadAllText(modelPath, NGramNoteModel.MaxFileBytes, "n-gram model"));
            if (!document.RootElement.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
                throw new EuterpeException($"{modelPath}: the n-gram model has no provenance metadata (train it with `euterpe train ngram`)");
            return metadata.Deserialize(TypeInfo)
                ?? throw new EuterpeException($"{modelPath}: empty provenance metadata");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{modelPath}: not a valid n-gram model ({Presets.Preset.OneLine(e.Message)})", inner: e);
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, TypeInfoResolver = NGramJsonContext.Default };

    private static readonly JsonTypeInfo<NGramProvenance> TypeInfo = (JsonTypeInfo<NGramProvenance>)JsonOptions.GetTypeInfo(typeof(NGramProvenance));
}

using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// One preset folder found on disk. <see cref="Id"/> and <see cref="DisplayName"/> come from its manifest
/// (the folder name when the manifest cannot be read); <see cref="Problem"/> says why it cannot load, if known already.
/// <see cref="Conditioning"/> lists the manifest's conditioning inputs (the controller titles its slots with them).
/// <see cref="Preset"/> and <see cref="Family"/> are what the scan read (null with a problem): loading uses them as they are.
/// </summary>
public sealed record PresetEntry(string Id, string DisplayName, string Path, string? Problem,
    IReadOnlyList<ConditioningInput> Conditioning, Preset? Preset = null, ModelFamily? Family = null);

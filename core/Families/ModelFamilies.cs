using Euterpe.Core.Families.AbcWgan;
using Euterpe.Core.Families.CharRnn;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Families.PianoRollGan;
using Euterpe.Core.Families.RnnGan;
using Euterpe.Core.Families.SeqGan;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Core.Text;

namespace Euterpe.Core.Families;

/// <summary>
/// The model families Euterpe plays: adding one is a folder beside these and a line in <see cref="All"/>. A preset's
/// manifest "family" picks its entry.
/// </summary>
public static class ModelFamilies
{
    public static IReadOnlyList<ModelFamily> All { get; } = [EventRnnFamily.Instance, NGramFamily.Instance, FftLstmFamily.Instance, CharRnnFamily.Instance, AbcWganFamily.Instance, RnnGanFamily.Instance, SeqGanFamily.Instance, SeqAe.SeqAeFamily.Instance, PianoRollGanFamily.Instance, Dcrnn.DcrnnFamily.Instance, Pix2Pix.Pix2PixFamily.Instance, MultiTrackGan.MultiTrackGanFamily.Instance];

    /// <summary>Every manifest "family" value some family reads.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.SelectMany(f => f.Names)];

    /// <summary>The family a preset's manifest names; one error line listing the known ones otherwise.</summary>
    public static ModelFamily Of(Preset preset) =>
        All.FirstOrDefault(f => f.Names.Contains(preset.Family))
        ?? throw new EuterpeException(Refine.RefineNetKinds.FromFamily(preset.Family) is not null
            ? $"{preset.ManifestPath}: family \"{preset.Family}\" is a refine net, which tidies music rather than making it: use `euterpe refine IN --out OUT.mid --{preset.Family["refine-".Length..]} {preset.Folder}`"
            : $"{preset.ManifestPath}: family {UserText.Quote(preset.Family)} is not one Euterpe plays (known: {string.Join(", ", Names)})");

    /// <summary>Opens a preset folder and finds its family: the one read of its manifest.</summary>
    public static (Preset Preset, ModelFamily Family) Open(string folder)
    {
        var preset = Preset.Open(folder);
        return (preset, Of(preset));
    }
}

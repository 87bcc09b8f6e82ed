using Euterpe.Training.Export;
using Euterpe.Training.Families.AbcWgan;
using Euterpe.Training.Families.CharRnn;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Families.FftLstm;
using Euterpe.Training.Families.NGram;
using Euterpe.Training.Families.Refine;
using Euterpe.Training.Families.PianoRollGan;
using Euterpe.Training.Families.RnnGan;
using Euterpe.Training.Families.SeqGan;
using Euterpe.Training.Families.SeqAe;

namespace Euterpe.Training.Families;

/// <summary>The families <c>euterpe export</c> knows: one line each.</summary>
public static class TrainedFamilies
{
    /// <summary>
    /// In the order runs are tried: every family whose run config names its "family" before event-rnn, because all write
    /// checkpoint.safetensors and event-rnn's test only looks for a config without a "family" field.
    /// </summary>
    public static IReadOnlyList<RunExporter> Exporters { get; } = [FftLstmExporter.Entry, CharRnnExporter.Entry, AbcWganExporter.Entry, RnnGanExporter.Entry, SeqGanExporter.Entry, SeqAeExporter.Entry, RefineExporter.Entry, DcganExporter.Entry, Dcrnn.DcrnnExporter.Entry, Pix2Pix.Pix2PixExporter.Entry, MultiTrackGan.MultiTrackExporter.Entry, EventRnnExporter.Entry, NGramExporter.Entry];

    /// <summary>The exporter whose family wrote this run folder, or null.</summary>
    public static RunExporter? ExporterOf(string runFolder) => Exporters.FirstOrDefault(e => e.IsRun(runFolder));
}

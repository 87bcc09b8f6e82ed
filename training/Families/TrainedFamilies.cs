using Euterpe.Training.Export;
using Euterpe.Training.Families.AbcWgan;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Families.FftLstm;
using Euterpe.Training.Families.NGram;

namespace Euterpe.Training.Families;

/// <summary>The families <c>euterpe export</c> knows: one line each.</summary>
public static class TrainedFamilies
{
    /// <summary>
    /// In the order runs are tried: abc-wgan and fft-lstm before event-rnn, because all write checkpoint.safetensors
    /// and only the first two tests read the run's own config.
    /// </summary>
    public static IReadOnlyList<RunExporter> Exporters { get; } = [AbcWganExporter.Entry, FftLstmExporter.Entry, EventRnnExporter.Entry, NGramExporter.Entry];

    /// <summary>The exporter whose family wrote this run folder, or null.</summary>
    public static RunExporter? ExporterOf(string runFolder) => Exporters.FirstOrDefault(e => e.IsRun(runFolder));
}

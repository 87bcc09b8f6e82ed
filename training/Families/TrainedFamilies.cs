using Euterpe.Training.Export;
using Euterpe.Training.Families.CharRnn;
using Euterpe.Training.Families.EventRnn;
using Euterpe.Training.Families.FftLstm;
using Euterpe.Training.Families.NGram;

namespace Euterpe.Training.Families;

/// <summary>The families <c>euterpe export</c> knows: one line each.</summary>
public static class TrainedFamilies
{
    /// <summary>
    /// In the order runs are tried: fft-lstm and char-rnn before event-rnn, because all three write checkpoint.safetensors
    /// and event-rnn's test only looks for a config without char-rnn's "family" field.
    /// </summary>
    public static IReadOnlyList<RunExporter> Exporters { get; } = [FftLstmExporter.Entry, CharRnnExporter.Entry, EventRnnExporter.Entry, NGramExporter.Entry];

    /// <summary>The exporter whose family wrote this run folder, or null.</summary>
    public static RunExporter? ExporterOf(string runFolder) => Exporters.FirstOrDefault(e => e.IsRun(runFolder));
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Evaluation;
using Euterpe.Core.Generation;
using Euterpe.Core.IO;
using Euterpe.Core.Music;
using Euterpe.Quality;
using Euterpe.TestSupport;

// The music-quality benchmark of issue 14: each shipped note preset makes music through `generate` and through the
// plug-in for several seeds; the literature's metrics of both are compared with the training corpus and checked
// against the issue's targets. Prints each comparison and the targets table; writes them under --out.
if (args.Contains("--help")) { Console.WriteLine(QualityOptions.Usage); return 0; }
QualityOptions options;
try
{
    options = QualityOptions.Parse(args, RepositoryRoot.Path);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{QualityOptions.Usage}");
    return 2;
}

var clock = Stopwatch.StartNew();
var corpus = new List<(string Name, NoteSequence Sequence)>();
foreach (var file in MusicFiles.List(options.Corpus))
    corpus.AddRange(MusicFiles.Load(file)
        .Select(p => (p.Name, Sequence: options.Melodies ? AbcCharacterEncoding.PlainMelody(p.Sequence) : p.Sequence))
        .Where(p => p.Sequence.Notes.Count > 0)
        .Select(p => (p.Name, NoteSlicer.SliceSeconds(p.Sequence, 0, options.CorpusSeconds, clipNotes: true))));
var reference = new ReferenceCorpus(corpus); // measured once for every preset and set
Console.Error.WriteLine($"quality: {corpus.Count} corpus {(options.Melodies ? "melodies" : "pieces")} (first {options.CorpusSeconds} s) from {options.Corpus}; {options.Seeds} seeds × {options.Seconds} s per preset");

var targets = new List<QualityTarget>();
var keyLines = new List<string>();
var text = new StringBuilder();
foreach (var preset in options.Presets)
{
    var folder = RepositoryRoot.Combine("presets", preset);
    var samples = new PresetSamples(options, preset);
    var peaks = samples.Make(folder);
    List<(string Name, IReadOnlyList<(string Name, NoteSequence Sequence)> Pieces)> sets = [("generate", Load(samples.Generated))];
    if (options.PlugIn) sets.Add(("plugin", Load(samples.PlugIn)));
    var report = ComparisonReport.Compute(sets, reference);
    report.WriteJson(Path.Combine(options.Output, preset, "comparison.json"));
    text.AppendLine($"## {preset}").AppendLine().AppendLine("```").Append(report.ToTable()).AppendLine("```").AppendLine();
    Console.WriteLine($"== {preset}");
    Console.Write(report.ToTable());
    targets.AddRange(QualityTargets.Check(preset, report, peaks));
    if (samples.MakeKeyed(folder, "C:major") is { } keyed)
    {
        var before = InCMajor(report.Sets[0].Summary.PitchClassHistogram);
        var after = InCMajor(ComparisonReport.Compute([("key", Load(keyed))], reference).Sets[0].Summary.PitchClassHistogram);
        keyLines.Add(string.Create(CultureInfo.InvariantCulture, $"{preset}: notes in C major {before:F3} at default controls, {after:F3} with --key C:major ({options.Seeds} seeds)"));
    }
}

foreach (var preset in options.AudioPresets) targets.AddRange(new AudioPresetQuality(options).Check(preset, text));

var table = Table(targets);
Console.WriteLine();
Console.Write(table);
foreach (var line in keyLines) Console.WriteLine(line);
var held = targets.Count(t => t.Holds);
Console.WriteLine($"targets held: {held} of {targets.Count} ({clock.Elapsed.TotalMinutes:F1} min)");
text.AppendLine("## Targets").AppendLine().Append(table).AppendLine();
foreach (var line in keyLines) text.AppendLine(line).AppendLine();
AtomicFile.WriteAllText(Path.Combine(options.Output, "quality.md"), text.ToString());
return held == targets.Count ? 0 : 1;

static IReadOnlyList<(string Name, NoteSequence Sequence)> Load(string folder) => [.. MusicFiles.List(folder).SelectMany(MusicFiles.Load)];

static double InCMajor(double[] histogram)
{
    var total = histogram.Sum();
    return total > 0 ? Enumerable.Range(0, 12).Where(pc => MusicalScale.Contains(MusicalScale.Major, 0, pc)).Sum(pc => histogram[pc]) / total : double.NaN;
}

// A Markdown table, so that presets/README.md can quote it as printed.
static string Table(IReadOnlyList<QualityTarget> targets)
{
    var sb = new StringBuilder("| preset | set | metric | value | corpus | target | holds |\n|---|---|---|---|---|---|---|\n");
    foreach (var t in targets) sb.Append("| ").AppendJoin(" | ", t.Cells()).AppendLine(" |");
    return sb.ToString();
}

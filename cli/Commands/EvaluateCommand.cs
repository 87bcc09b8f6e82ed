using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Evaluation;
using Euterpe.Core.IO;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Commands;

/// <summary>
/// <c>euterpe evaluate FILES… --reference DIR</c>: metrics of generated music against a reference corpus; with
/// <c>--compare A B …</c>, several sets side by side, one column of means per set.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Upper bound of <c>--reference-seconds</c>: a day, far beyond any song.</summary>
    public const double MaxReferenceSeconds = 86400;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILES") { Description = "Generated music files (.mid, .abc), measured as one set (not with --compare).", Arity = ArgumentArity.ZeroOrMore };
        var reference = new Option<string>("--reference") { Description = "Folder of reference music; unreadable files are skipped with a warning.", Required = true };
        var referenceSeconds = new Option<double?>("--reference-seconds")
        {
            HelpName = "S",
            Description = $"Crop each reference piece to its first S seconds (notes starting before S, cut at S), 0 < S <= {MaxReferenceSeconds.ToString(CultureInfo.InvariantCulture)}.",
        };
        var compare = new Option<string[]>("--compare")
        {
            HelpName = "SET",
            Description = "Sets to compare side by side instead of FILES: each a folder of music files or one file.",
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file." };
        var ssm = new Option<string?>("--ssm")
        {
            HelpName = "OUT.png",
            Description = "Also draw per-bar self-similarity matrices (PNG, or PGM by .pgm): a row of the generated pieces (a row per set with --compare), then a row of reference pieces.",
        };
        var ssmPieces = new Option<int>("--ssm-pieces") { HelpName = "N", Description = "Pieces per row of the --ssm sheet (the first N of each set).", DefaultValueFactory = _ => 4 };
        var command = new Command("evaluate", "Measure generated music (per piece and per set) and compare it with a reference corpus; prints a table.");
        command.Arguments.Add(files);
        command.Options.Add(reference);
        command.Options.Add(referenceSeconds);
        command.Options.Add(compare);
        command.Options.Add(json);
        command.Options.Add(ssm);
        command.Options.Add(ssmPieces);
        command.SetAction(result =>
        {
            var config = result.InvocationConfiguration;
            var jsonPath = result.GetValue(json);
            var generatedFiles = result.GetValue(files) ?? [];
            var sets = result.GetValue(compare) ?? [];
            var crop = result.GetValue(referenceSeconds);
            if (crop is { } s && !(s > 0 && s <= MaxReferenceSeconds))
                throw new EuterpeException(FormattableString.Invariant($"--reference-seconds: must be more than 0 and at most {MaxReferenceSeconds} (got {s})"));
            if (sets.Length > 0 && generatedFiles.Length > 0) throw new EuterpeException("evaluate: give FILES or --compare SET…, not both");
            if (sets.Length == 0 && generatedFiles.Length == 0) throw new EuterpeException("evaluate: nothing to measure (give FILES or --compare SET…)");

            var ssmPath = result.GetValue(ssm);
            var perRow = result.GetValue(ssmPieces);
            if (perRow < 1) throw new EuterpeException($"--ssm-pieces {perRow}: a row needs at least one piece");
            if (ssmPath is not null && Path.GetExtension(ssmPath).ToLowerInvariant() is not (".png" or ".pgm"))
                throw new EuterpeException($"{ssmPath}: unknown image type (use .png or .pgm)");

            var setFiles = sets.Select(set => (Name: set, Files: SetFiles(set))).ToList();
            if (jsonPath is not null || ssmPath is not null)
                OutputFile.CheckDistinct([.. generatedFiles, .. setFiles.SelectMany(s => s.Files), .. ReferenceFiles(result.GetValue(reference)!)], jsonPath, ssmPath);
            var references = LoadReferences(result.GetValue(reference)!, crop, config.Error);
            var loadedSets = sets.Length == 0
                ? [(Name: "generated", Pieces: Load(generatedFiles))]
                : setFiles.Select(s => (s.Name, Pieces: Load(s.Files))).ToList();
            if (sets.Length == 0)
            {
                var report = EvaluationReport.Compute(loadedSets[0].Pieces, references);
                config.Output.Write(report.ToTable());
                if (jsonPath is not null) report.WriteJson(jsonPath);
            }
            else
            {
                var comparison = ComparisonReport.Compute([.. loadedSets], references);
                config.Output.Write(comparison.ToTable());
                if (jsonPath is not null) comparison.WriteJson(jsonPath);
            }
            if (ssmPath is not null) WriteSsmSheet(ssmPath, loadedSets, references, perRow, config.Output);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A piece's first <paramref name="seconds"/>: the notes that start before then, cut at that time — how the quality
    /// targets compare with "the first 60 s of each song".
    /// </summary>
    public static NoteSequence Crop(NoteSequence piece, double seconds) => NoteSlicer.SliceSeconds(piece, 0, seconds, clipNotes: true);

    // One row per set, then the reference's row (when it has pieces), each holding its first perRow pieces.
    private static void WriteSsmSheet(string path, IReadOnlyList<(string Name, IReadOnlyList<(string Name, NoteSequence Sequence)> Pieces)> sets,
        IReadOnlyList<(string Name, NoteSequence Sequence)> references, int perRow, TextWriter output)
    {
        var rows = sets.Select(s => (s.Name, s.Pieces)).ToList();
        if (references.Count > 0) rows.Add(("reference", references));
        var drawn = rows.Select(r => (r.Name, Pieces: r.Pieces.Take(perRow).ToList())).Where(r => r.Pieces.Count > 0).ToList();
        if (drawn.Count == 0) throw new EuterpeException($"{path}: no pieces to draw");
        var image = SelfSimilaritySheet.Draw([.. drawn.Select(r => (IReadOnlyList<NoteSequence>)[.. r.Pieces.Select(p => p.Sequence)])]);
        OutputFile.Write(path, () => image.Save(path));
        output.WriteLine($"wrote {path}: per-bar self-similarity, rows top to bottom:");
        foreach (var (name, pieces) in drawn) output.WriteLine($"  {name}: {string.Join(", ", pieces.Select(p => p.Name))}");
    }

    private static IReadOnlyList<(string Name, NoteSequence Sequence)> Load(IEnumerable<string> files)
    {
        var pieces = new List<(string Name, NoteSequence Sequence)>();
        foreach (var file in files) pieces.AddRange(MusicFiles.Load(file));
        return pieces;
    }

    // A set is a folder of music files or a single file.
    private static IReadOnlyList<string> SetFiles(string set)
    {
        if (!Directory.Exists(set)) return [set];
        var listed = MusicFiles.List(set);
        if (listed.Count == 0) throw new EuterpeException($"{set}: no music files (.mid, .midi, .kar, .abc) in this folder");
        return listed;
    }

    private static List<(string Name, NoteSequence Sequence)> LoadReferences(string folder, double? seconds, TextWriter error)
    {
        var references = new List<(string Name, NoteSequence Sequence)>();
        foreach (var file in MusicFiles.List(folder))
        {
            try
            {
                references.AddRange(MusicFiles.Load(file).Select(p => seconds is { } s ? (p.Name, Crop(p.Sequence, s)) : p));
            }
            catch (EuterpeException e)
            {
                error.WriteLine($"warning: skipped reference {e.Message}");
            }
        }
        if (references.Count == 0) error.WriteLine($"warning: {folder}: no readable reference pieces; comparisons are left empty");
        return references;
    }

    // The reference files the JSON report must not replace; a folder that cannot be listed is reported by the reading itself.
    private static IEnumerable<string> ReferenceFiles(string folder)
    {
        try
        {
            return MusicFiles.List(folder);
        }
        catch (Exception e) when (e is EuterpeException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}

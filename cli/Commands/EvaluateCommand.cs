using System.CommandLine;
using Euterpe.Core;
using Euterpe.Core.Evaluation;
using Euterpe.Core.IO;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe evaluate FILES… --reference DIR</c>: metrics of generated music against a reference corpus.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILES") { Description = "Generated music files (.mid, .abc).", Arity = ArgumentArity.OneOrMore };
        var reference = new Option<string>("--reference") { Description = "Folder of reference music; unreadable files are skipped with a warning.", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file." };
        var command = new Command("evaluate", "Measure generated music (per piece and per set) and compare it with a reference corpus; prints a table.");
        command.Arguments.Add(files);
        command.Options.Add(reference);
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var config = result.InvocationConfiguration;
            var jsonPath = result.GetValue(json);
            if (jsonPath is not null)
                OutputFile.CheckDistinct([.. result.GetValue(files)!, .. ReferenceFiles(result.GetValue(reference)!)], jsonPath);
            var generated = new List<(string Name, NoteSequence Sequence)>();
            foreach (var file in result.GetValue(files)!) generated.AddRange(MusicFiles.Load(file));
            var references = new List<(string Name, NoteSequence Sequence)>();
            foreach (var file in MusicFiles.List(result.GetValue(reference)!))
            {
                try
                {
                    references.AddRange(MusicFiles.Load(file));
                }
                catch (EuterpeException e)
                {
                    config.Error.WriteLine($"warning: skipped reference {e.Message}");
                }
            }
            if (references.Count == 0) config.Error.WriteLine($"warning: {result.GetValue(reference)}: no readable reference pieces; comparisons are left empty");
            var report = EvaluationReport.Compute(generated, references);
            config.Output.Write(report.ToTable());
            if (jsonPath is not null) report.WriteJson(jsonPath);
            return 0;
        });
        return command;
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

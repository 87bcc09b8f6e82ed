using Euterpe.Hardening;
using Euterpe.TestSupport;
using Euterpe.TestSupport.Mutants;

// The hardening campaign of issue 15: every input kind's seeded mutants through the built command line, one child
// process per run; prints the totals table and writes it, with a CSV row per run, to the results folder.
if (args.Contains("--help")) { Console.WriteLine(CampaignOptions.Usage); return 0; }
CampaignOptions options;
try
{
    options = CampaignOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{CampaignOptions.Usage}");
    return 2;
}

var cli = options.Cli ?? RepositoryRoot.Combine("artifacts", "bin", "Euterpe.Cli", "release", "euterpe.dll");
if (!File.Exists(cli))
{
    Console.Error.WriteLine($"error: {cli}: not built; run ./euterpe --help once (it builds the Release command line) or pass --cli");
    return 2;
}
if (Directory.Exists(options.Results)) Directory.Delete(options.Results, recursive: true);
var workspace = new Workspace(options);
Directory.CreateDirectory(workspace.Runs);

var planners = new Dictionary<string, Func<Workspace, IEnumerable<RunPlan>>>
{
    ["abc"] = AbcScenarios.Plan,
    ["wav"] = WavScenarios.Plan,
    ["onnx"] = OnnxScenarios.Plan,
    ["preset"] = PresetScenarios.Plan,
    ["npy"] = NpyScenarios.Plan,
    ["outpath"] = OutputPathScenarios.Plan,
    ["kill"] = KillScenarios.Plan,
    ["bundle"] = BundleScenarios.Plan,
};
var plans = options.Kinds.SelectMany(kind => planners[kind](workspace)).ToList();
Console.Error.WriteLine($"hardening: {plans.Count} runs of {cli} (seed {options.Seed}, {options.Limit} mutants per kind, timeout {options.Timeout.TotalSeconds:F0} s, memory {options.MemoryGiB} GiB, {options.Jobs} at a time)");

var checker = new RunChecker(new CliProcess(cli, options.MemoryGiB), options);
var records = new RunRecord[plans.Count];
var done = 0;
var clock = System.Diagnostics.Stopwatch.StartNew();
// Runs sharing a folder (one mutant's commands) run in order, so one cannot see the other's half-finished files.
Parallel.ForEach(plans.Select((p, i) => (p, i)).GroupBy(x => x.p.Folder), new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, group =>
{
    foreach (var (plan, i) in group)
    {
        var record = checker.Run(plan);
        records[i] = record;
        var n = Interlocked.Increment(ref done);
        Console.Error.WriteLine($"[{n}/{plans.Count} {clock.Elapsed:mm\\:ss}] {plan.Kind} {plan.Mutant} {plan.Command}: {TotalsTable.Label(record.Verdict)}{(record.Reason.Length > 0 ? " (" + record.Reason + ")" : "")}");
    }
});

var table = TotalsTable.Markdown(records, options.Kinds);
File.WriteAllText(Path.Combine(options.Results, "totals.md"), table);
File.WriteAllText(Path.Combine(options.Results, "runs.csv"), TotalsTable.Csv(records));
if (!options.Keep)
    foreach (var folder in records.GroupBy(r => r.Plan.Folder).Where(g => g.All(r => r.Verdict is Verdict.Ok or Verdict.CleanError)).Select(g => g.Key))
        Directory.Delete(folder, recursive: true);
Console.WriteLine(table);
Console.Error.WriteLine($"hardening: {records.Length} runs in {clock.Elapsed:mm\\:ss}; results in {options.Results} (totals.md, runs.csv, runs/)");
return 0;

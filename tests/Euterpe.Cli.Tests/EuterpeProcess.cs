namespace Euterpe.Cli.Tests;

/// <summary>The euterpe command line as its own process (dotnet euterpe.dll beside the tests), for what needs a process of its own.</summary>
internal static class EuterpeProcess
{
    // The dotnet running these tests when there is one (a test host may also be an apphost), else dotnet on PATH.
    private static string Dotnet => Environment.ProcessPath is { } host && Path.GetFileName(host) == "dotnet" ? host : "dotnet";

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "euterpe.dll");

    public static StartedProcess Start(IEnumerable<string> args) => ProcessRunner.Start(Dotnet, [Cli, .. args]);

    public static ProcessResult Run(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment) =>
        ProcessRunner.Run(Dotnet, [Cli, .. args], environment);
}

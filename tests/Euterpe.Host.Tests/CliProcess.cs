namespace Euterpe.Host.Tests;

/// <summary>
/// The euterpe command line as a process of its own, for what could kill the process that runs it (dlopen of a broken
/// library). It is run from the command line's own build output beside this project's (the project reference builds it
/// first without copying it here).
/// </summary>
internal static class CliProcess
{
    // The dotnet running these tests when there is one (a test host may also be an apphost), else dotnet on PATH.
    private static string Dotnet => Environment.ProcessPath is { } host && Path.GetFileName(host) == "dotnet" ? host : "dotnet";

    /// <summary>artifacts/bin/Euterpe.Cli/PIVOT/euterpe.dll for these tests' artifacts/bin/Euterpe.Host.Tests/PIVOT/.</summary>
    private static string Cli
    {
        get
        {
            var own = new DirectoryInfo(AppContext.BaseDirectory);
            var cli = Path.Combine(own.Parent!.Parent!.FullName, "Euterpe.Cli", own.Name, "euterpe.dll");
            Assert.True(File.Exists(cli), $"{cli}: the command line is not built; run scripts/build.sh");
            return cli;
        }
    }

    public static ProcessResult Run(IEnumerable<string> args) => ProcessRunner.Run(Dotnet, [Cli, .. args], timeout: TimeSpan.FromMinutes(1));
}

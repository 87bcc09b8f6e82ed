using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Euterpe.Core.Tests.Midi;

/// <summary>Real MIDI data and the independent tools (python3-mido, midicsv) the MIDI tests compare against.</summary>
internal static class MidiTestEnvironment
{
    public const string OpenMsxDirectory = "/usr/share/games/openttd/baseset/openmsx";
    public const string Python = "/usr/bin/python3";

    /// <summary>Every openmsx song, sorted; fails clearly when the Debian package is missing.</summary>
    public static string[] OpenMsxFiles()
    {
        Assert.True(Directory.Exists(OpenMsxDirectory), $"{OpenMsxDirectory} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");
        var files = Directory.GetFiles(OpenMsxDirectory, "*.mid").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        return files;
    }

    public static string MidoNotesScript() => Path.Combine(SourceDirectory(), "Resources", "mido_notes.py");

    /// <summary>Runs a tool and returns its stdout; fails the test with its stderr when it exits non-zero.</summary>
    public static string Run(string executable, IEnumerable<string> arguments, string missingHint)
    {
        Assert.True(File.Exists(executable), $"{executable} is missing: {missingHint}");
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} did not finish within 2 minutes");
        }
        Assert.True(process.ExitCode == 0, $"{executable} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    public static string RunMidoNotes(params string[] files) =>
        Run(Python, [MidoNotesScript(), .. files], "install python3-mido (scripts/install-deps.sh)");

    /// <summary>Splits the multi-file output of mido_notes.py ("== FILE" then its CSV) by file.</summary>
    public static Dictionary<string, string> SplitByFile(string output)
    {
        var result = new Dictionary<string, string>();
        string? current = null;
        var text = new System.Text.StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                if (current is not null) result[current] = text.ToString();
                current = line[3..];
                text.Clear();
            }
            else if (current is not null && line.Length > 0)
            {
                text.Append(line).Append('\n');
            }
        }
        if (current is not null) result[current] = text.ToString();
        return result;
    }

    public static string MidiCsv(string file) => Run("/usr/bin/midicsv", [file], "install the Debian package midicsv (scripts/install-deps.sh)");

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

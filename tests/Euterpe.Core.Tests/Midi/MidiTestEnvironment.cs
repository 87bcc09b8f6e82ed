namespace Euterpe.Core.Tests.Midi;

/// <summary>Real MIDI data and the independent tools (python3-mido, midicsv) the MIDI tests compare against.</summary>
internal static class MidiTestEnvironment
{
    public const string OpenMsxDirectory = "/usr/share/games/openttd/baseset/openmsx";

    /// <summary>Every openmsx song, sorted; fails clearly when the Debian package is missing.</summary>
    public static string[] OpenMsxFiles()
    {
        Assert.True(Directory.Exists(OpenMsxDirectory), $"{OpenMsxDirectory} is missing: install the Debian package openttd-openmsx (scripts/install-deps.sh)");
        var files = Directory.GetFiles(OpenMsxDirectory, "*.mid").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>The notes of <paramref name="files"/> as mido_notes.py (python3-mido) computes them.</summary>
    public static string RunMidoNotes(params string[] files) => PythonRunner.RunScript(PythonRunner.Script("mido_notes.py"), files);

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

    public static string MidiCsv(string file) => ProcessRunner.Output("midicsv", file);
}

using System.Text;
using Euterpe.Core;
using Euterpe.Core.Text;

namespace Euterpe.Training.Data;

/// <summary>A file left out of a dataset and why (its path is relative to the data folder).</summary>
public sealed record SkippedFile(string Path, string Reason)
{
    /// <summary>
    /// Why <paramref name="fullPath"/> was left out, from what reading it threw: the message without the leading
    /// "path: " it carries, on one bounded line (the list has one line per file).
    /// </summary>
    public static string ReasonOf(Exception e, string fullPath)
    {
        var message = e is EuterpeException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        foreach (var prefix in new[] { fullPath + ": ", System.IO.Path.GetFileName(fullPath) + ": " })
            if (message.StartsWith(prefix, StringComparison.Ordinal)) { message = message[prefix.Length..]; break; }
        return UserText.OneLine(message, 300);
    }

    /// <summary>Writes <c>skipped.txt</c> into a cache folder: one <c>path: reason</c> line per file left out.</summary>
    public static void WriteList(string folder, IEnumerable<SkippedFile> skipped)
    {
        var text = new StringBuilder();
        foreach (var s in skipped) text.Append(s.Path).Append(": ").Append(s.Reason).Append('\n');
        File.WriteAllText(System.IO.Path.Combine(folder, CacheJson.SkippedName), text.ToString());
    }
}

using Euterpe.Core.Abc;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Core.IO;

/// <summary>
/// Finds and loads the music files of a corpus: Standard MIDI Files (.mid, .midi, .kar) and ABC (.abc).
/// Listing is recursive and in ordinal order of the path relative to the folder, so every machine sees the
/// same order (and the same seeded train/validation split). A MIDI file is one piece named by its path; an
/// ABC file holds one piece per tune, named <c>path#X</c> with X the tune's reference number.
/// </summary>
public static class MusicFiles
{
    public static readonly IReadOnlyList<string> MidiExtensions = [".mid", ".midi", ".kar"];

    public const string AbcExtension = ".abc";

    public static bool IsMidi(string path) => MidiExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static bool IsAbc(string path) => Path.GetExtension(path).Equals(AbcExtension, StringComparison.OrdinalIgnoreCase);

    public static bool IsMusicFile(string path) => IsMidi(path) || IsAbc(path);

    /// <summary>Every music file under <paramref name="folder"/> (full paths), ordered by relative path, ordinal.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        if (File.Exists(folder)) throw new EuterpeException($"{folder}: is a file, not a folder");
        if (!Directory.Exists(folder)) throw new EuterpeException($"{folder}: folder not found");
        var root = Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return [.. Directory.EnumerateFiles(root, "*", options)
            .Where(IsMusicFile)
            .OrderBy(p => Path.GetRelativePath(root, p), StringComparer.Ordinal)];
    }

    /// <summary>The pieces of one file; a corrupt or unsupported file throws <see cref="EuterpeException"/> (<c>FILE: problem</c>).</summary>
    public static IReadOnlyList<(string Name, NoteSequence Sequence)> Load(string path)
    {
        var kind = FileStatus.Of(path).Kind;
        if (kind == FileKind.Missing) throw new EuterpeException($"{path}: not found");
        // A folder (or device, FIFO) is named for what it is, whatever its name ends with.
        if (kind != FileKind.Regular) InputFile.Check(path, MidiFile.MaxFileBytes, "music file");
        try
        {
            if (IsMidi(path)) return [(path, MidiFileReader.Read(path))];
            if (IsAbc(path)) return LoadAbc(path);
        }
        catch (IOException e)
        {
            throw new EuterpeException($"{path}: cannot be read ({e.Message})", inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new EuterpeException($"{path}: cannot be read ({e.Message})", inner: e);
        }
        throw new EuterpeException($"{path}: not a music file (expected .mid, .midi, .kar or .abc)");
    }

    private static IReadOnlyList<(string Name, NoteSequence Sequence)> LoadAbc(string path) =>
        [.. AbcReader.ReadTunes(path).Select(t => ($"{path}#{t.ReferenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}", t.Sequence))];
}

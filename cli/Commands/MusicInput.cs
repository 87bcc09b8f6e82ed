using System.CommandLine;
using Euterpe.Core;
using Euterpe.Core.Abc;
using Euterpe.Core.IO;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Commands;

/// <summary>The piece a <c>midi</c> subcommand reads: a MIDI file, or one tune of an ABC file.</summary>
internal static class MusicInput
{
    public static Argument<string> FileArgument() =>
        new("IN") { Description = "The music file: MIDI (.mid, .midi, .kar) or ABC (.abc, one tune of it: see --tune)." };

    public static Option<int?> TuneOption() =>
        new("--tune") { HelpName = "X", Description = "ABC input: the tune with this reference number (X:); default: the file's first tune." };

    /// <summary>Refuses --tune for a MIDI file, which holds one piece.</summary>
    public static void RefuseTune(string path, int? tune)
    {
        if (tune is not null && MusicFiles.IsMidi(path)) throw new EuterpeException($"{path}: --tune picks a tune of an ABC file, and this is a MIDI file");
    }

    /// <summary>The piece of <paramref name="path"/>; <paramref name="tune"/> picks an ABC tune by its X: number.</summary>
    public static NoteSequence Load(string path, int? tune)
    {
        if (!MusicFiles.IsAbc(path))
        {
            RefuseTune(path, tune);
            return MusicFiles.Load(path)[0].Sequence;
        }
        // The first tune is read on its own: a broken or huge tune later in the file does not stop it.
        if (tune is null) return AbcReader.ReadFirstTune(path).Sequence;
        var tunes = AbcReader.ReadTunes(path);
        return tunes.FirstOrDefault(t => t.ReferenceNumber == tune)?.Sequence
            ?? throw new EuterpeException($"{path}: no tune X:{tune} (it has X:{string.Join(", X:", tunes.Select(t => t.ReferenceNumber))})");
    }
}

using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe midi split IN --out DIR --by track|instrument|family</c>: one MIDI file per part of a piece (stems).</summary>
public static class MidiSplitCommand
{
    private static readonly string[] Ways = ["track", "instrument", "family"];

    public static Command Create()
    {
        var input = MusicInput.FileArgument();
        var tune = MusicInput.TuneOption();
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "Folder for the parts, made if missing: IN's name, a dash and the part's (song-track02.mid, song-program033.mid, song-drums.mid, song-synth-lead.mid).", Required = true };
        var by = new Option<string>("--by")
        {
            HelpName = "WAY",
            Description = "track: one file per track with notes (numbered as `midi info` lists them); instrument: per GM program, every drum-kit note (drum flag or channel 10) in one; family: per GM family of eight programs, and drums.",
            DefaultValueFactory = _ => "track",
        };
        var command = new Command("split",
            "Split a MIDI file or ABC tune into one MIDI file per track, instrument or instrument family (stems). Each part keeps its notes' " +
            "tracks, channels and programs, the controllers of its channels, and the piece's tempo, metre and key; each file is written whole or not at all.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { output, tune, by }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var inPath = result.GetValue(input)!;
            var folder = result.GetValue(output)!;
            var way = result.GetValue(by)!.ToLowerInvariant();
            if (!Ways.Contains(way)) throw new EuterpeException($"--by: unknown way '{result.GetValue(by)}' (expected one of: {string.Join(", ", Ways)})");
            if (File.Exists(folder)) throw new EuterpeException($"{folder}: is a file, not a folder");

            var piece = MusicInput.Load(inPath, result.GetValue(tune));
            var parts = Parts(piece, way).ToList();
            if (parts.Count == 0) throw new EuterpeException($"{inPath}: no notes to split");
            var stem = Path.GetFileNameWithoutExtension(inPath);
            OutputFile.CheckDistinct([inPath], [.. parts.Select(p => Path.Combine(folder, $"{stem}-{p.Name}.mid"))]);
            foreach (var (name, part) in parts)
            {
                var path = Path.Combine(folder, $"{stem}-{name}.mid");
                OutputFile.Write(path, () => MidiFileWriter.Write(part, path));
                result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {part.Notes.Count} notes"));
            }
            return 0;
        });
        return command;
    }

    /// <summary>The parts and the names their files take.</summary>
    private static IEnumerable<(string Name, NoteSequence Part)> Parts(NoteSequence piece, string way) => way switch
    {
        // A track's part holds only that track's notes, so any of them names the track.
        "track" => TrackOperations.SplitByTrack(piece).Where(p => p.Notes.Count > 0)
            .Select(p => (string.Create(CultureInfo.InvariantCulture, $"track{p.Notes[0].Track:00}"), p)),
        "instrument" => TrackOperations.SplitByInstrument(piece)
            .Select(p => (p.IsDrum ? "drums" : string.Create(CultureInfo.InvariantCulture, $"program{p.Program:000}"), p.Sequence)),
        _ => TrackOperations.SplitByFamily(piece)
            .Select(kv => (InstrumentFamilies.Name(kv.Key).ToLowerInvariant().Replace(' ', '-'), kv.Value)),
    };
}

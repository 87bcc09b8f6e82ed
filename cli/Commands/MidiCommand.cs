using System.CommandLine;
using System.Globalization;
using System.Text;
using Euterpe.Core.IO;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe midi …</c>: inspect Standard MIDI Files; convert, edit and split pieces; draw their self-similarity.</summary>
public static class MidiCommand
{
    /// <summary>Lists longer than this are cut in <c>midi info</c>, with a count of the rest.</summary>
    private const int MaxListed = 20;

    public static Command Create()
    {
        var command = new Command("midi", "Inspect Standard MIDI Files; convert MIDI and ABC pieces (track, quantise, slice, transpose), split them into stems, draw their self-similarity.");
        command.Subcommands.Add(CreateNotes());
        command.Subcommands.Add(CreateInfo());
        command.Subcommands.Add(MidiConvertCommand.Create());
        command.Subcommands.Add(MidiSplitCommand.Create());
        command.Subcommands.Add(MidiSsmCommand.Create());
        return command;
    }

    private static Command CreateNotes()
    {
        var file = MusicInput.FileArgument();
        var tune = MusicInput.TuneOption();
        var command = new Command("notes",
            "Print every note as CSV: track, channel, program, pitch, velocity, start/end tick, start/end seconds. " +
            "A note-on with velocity 0 is a note-off; a note-off ends the earliest open note of its track, channel and pitch; " +
            "an unended note lasts to its track's last event; program is the channel's last program change at or before the note.");
        command.Arguments.Add(file);
        command.Options.Add(tune);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var seq = MusicInput.Load(path, parseResult.GetValue(tune));
            NoteCsv.Write(seq, parseResult.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static Command CreateInfo()
    {
        var file = MusicInput.FileArgument();
        var tune = MusicInput.TuneOption();
        var command = new Command("info",
            "Summarise a MIDI file: format, division, tracks, tempo and time signatures, notes, length. " +
            "An ABC tune is summarised as the MIDI file `midi convert` writes for it.");
        command.Arguments.Add(file);
        command.Options.Add(tune);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var tuneNumber = parseResult.GetValue(tune);
            // ABC has no MIDI chunks to report: the tune is read as every other command reads it, then written as MIDI.
            MusicInput.RefuseTune(path, tuneNumber);
            var midi = MusicFiles.IsAbc(path) ? MidiFileWriter.ToMidiFile(MusicInput.Load(path, tuneNumber)) : MidiFile.Read(path);
            var seq = MidiFileReader.ToNoteSequence(midi, path);
            parseResult.InvocationConfiguration.Output.Write(Summarise(path, midi, seq));
            return 0;
        });
        return command;
    }

    /// <summary>The text <c>midi info</c> prints.</summary>
    internal static string Summarise(string path, MidiFile midi, NoteSequence seq)
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"file: {path}");
        Line($"format: {midi.Format} ({midi.Format switch { 0 => "single track", 1 => "simultaneous tracks", _ => "independent sequences" }})");
        Line($"division: {midi.Division}");
        if (seq.Title is { } title) Line($"title: {Printable(title)}");

        Line($"tracks: {midi.Tracks.Count}");
        for (var t = 0; t < midi.Tracks.Count; t++)
        {
            var track = midi.Tracks[t];
            var notes = seq.Notes.Where(n => n.Track == t).ToList();
            var parts = new List<string>();
            if (track.Name is { } name) parts.Add($"name \"{Printable(name)}\"");
            if (track.InstrumentName is { } instrument) parts.Add($"instrument \"{Printable(instrument)}\"");
            parts.Add($"{track.Events.Count} events");
            parts.Add($"{notes.Count} notes");
            var channels = notes.Select(n => n.Channel).Distinct().Order().ToList();
            if (channels.Count > 0) parts.Add($"channel{(channels.Count > 1 ? "s" : "")} {string.Join(",", channels)}");
            var programs = notes.Where(n => !n.IsDrum).Select(n => n.Program).Distinct().Order().ToList();
            if (programs.Count > 0) parts.Add($"program{(programs.Count > 1 ? "s" : "")} {string.Join(",", programs)}");
            if (notes.Any(n => n.IsDrum)) parts.Add("drums");
            Line($"  track {t}: {string.Join(", ", parts)}");
        }

        var map = seq.TempoMap;
        if (map.TicksPerSecond is { } ticksPerSecond)
        {
            Line($"timing: fixed, {ticksPerSecond:0.###} ticks per second (tempo events do not change it)");
        }
        else
        {
            Line($"tempo changes: {map.Changes.Count}");
            foreach (var c in map.Changes.Take(MaxListed)) Line($"  tick {c.Tick} ({map.TickToSeconds(c.Tick):0.000} s): {c.Bpm:0.##} bpm");
            More(text, map.Changes.Count);
        }
        Line($"time signatures: {seq.TimeSignatures.Count}");
        foreach (var ts in seq.TimeSignatures.Take(MaxListed)) Line($"  tick {ts.Tick} ({map.TickToSeconds(ts.Tick):0.000} s): {ts.Numerator}/{ts.Denominator}");
        More(text, seq.TimeSignatures.Count);
        Line($"key signatures: {seq.KeySignatures.Count}");
        foreach (var ks in seq.KeySignatures.Take(MaxListed)) Line($"  tick {ks.Tick} ({map.TickToSeconds(ks.Tick):0.000} s): {ks}");
        More(text, seq.KeySignatures.Count);

        var sysEx = midi.Tracks.Sum(t => t.Events.Count(e => e.IsSysEx));
        var meta = midi.Tracks.Sum(t => t.Events.Count(e => e.IsMeta));
        Line($"events: {midi.Tracks.Sum(t => t.Events.Count)} ({meta} meta, {sysEx} SysEx, {seq.ControlChanges.Count} control changes, {seq.ProgramChanges.Count} program changes, {seq.PitchBends.Count} pitch bends)");
        Line($"notes: {seq.Notes.Count} ({seq.Notes.Count(n => n.IsDrum)} drum)");
        if (seq.Notes.Count > 0) Line($"pitch range: {seq.Notes.Min(n => n.Pitch)}..{seq.Notes.Max(n => n.Pitch)}");
        var endTick = midi.Tracks.Count == 0 ? 0 : midi.Tracks.Max(t => t.EndTick);
        var seconds = map.TickToSeconds(endTick);
        Line($"length: {endTick} ticks, {seconds:0.000} s ({(int)(seconds / 60)}:{seconds % 60:00.000})");
        return text.ToString();
    }

    private static void More(StringBuilder text, int count)
    {
        if (count > MaxListed) text.Append(CultureInfo.InvariantCulture, $"  … and {count - MaxListed} more\n");
    }

    /// <summary>Meta text is arbitrary bytes; keep the summary one line per item.</summary>
    private static string Printable(string s) => new([.. s.Select(c => char.IsControl(c) ? '?' : c)]);
}

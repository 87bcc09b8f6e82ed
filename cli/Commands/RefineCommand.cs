using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.Refine;
using Euterpe.Core.IO;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Cli.Commands;

/// <summary>
/// <c>euterpe refine IN --out OUT.mid [--duration PRESET] [--velocity PRESET]</c>: a piece's timing and dynamics
/// tidied by the refine nets, durations first and then velocities, as the source does.
/// </summary>
public static class RefineCommand
{
    public static Command Create()
    {
        var input = MusicInput.FileArgument();
        var tune = MusicInput.TuneOption();
        var output = new Option<string>("--out") { HelpName = "OUT.mid", Description = "MIDI file to write.", Required = true };
        var duration = new Option<string?>("--duration") { HelpName = "PRESET", Description = "A refine-duration preset: gives each note the length and the gap to the next onset it restores." };
        var velocity = new Option<string?>("--velocity") { HelpName = "PRESET", Description = "A refine-velocity preset: gives each note a velocity from its pitch and timing." };
        var command = new Command("refine",
            "Tidy a piece with the refine nets (train them with `train refine-duration` / `train refine-velocity`): every pitched part, note by note, " +
            "durations first, then velocities. Drums, tempo and everything else are kept.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { output, duration, velocity, tune }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var inPath = result.GetValue(input)!;
            var outPath = result.GetValue(output)!;
            var (durationPreset, velocityPreset) = (result.GetValue(duration), result.GetValue(velocity));
            if (durationPreset is null && velocityPreset is null) throw new EuterpeException("refine: name a net (--duration PRESET, --velocity PRESET or both)");
            if (!MusicFiles.IsMidi(outPath)) throw new EuterpeException($"{outPath}: refine writes MIDI (.mid)");
            OutputFile.CheckDistinct([inPath, .. OutputFile.FilesOf(durationPreset), .. OutputFile.FilesOf(velocityPreset)], outPath);
            // Both nets are opened (and so checked) before the music is read.
            using var durationNet = durationPreset is null ? null : NoteRefiner.Open(durationPreset, RefineNetKind.Duration);
            using var velocityNet = velocityPreset is null ? null : NoteRefiner.Open(velocityPreset, RefineNetKind.Velocity);
            var piece = MusicInput.Load(inPath, result.GetValue(tune));
            var refined = piece;
            if (durationNet is not null) refined = durationNet.Refine(refined);
            if (velocityNet is not null) refined = velocityNet.Refine(refined);
            MidiFileWriter.Write(refined, outPath);
            var writer = result.InvocationConfiguration.Output;
            writer.WriteLine($"wrote {outPath}: {refined.Notes.Count(n => !n.IsDrum)} pitched notes in {NotePart.Split(piece).Count} parts refined" +
                $"{(durationNet is null ? "" : $", durations by {durationPreset}")}{(velocityNet is null ? "" : $", velocities by {velocityPreset}")}");
            writer.WriteLine(Summary(piece, refined));
            return 0;
        });
        return command;
    }

    // How much the nets moved things: lengths as a median factor, velocities as their spread before and after.
    private static string Summary(NoteSequence before, NoteSequence after)
    {
        var pitched = before.Notes.Where(n => !n.IsDrum).Count();
        if (pitched == 0) return "nothing to refine: no pitched notes";
        double Spread(NoteSequence s)
        {
            var v = s.Notes.Where(n => !n.IsDrum).Select(n => (double)n.Velocity).ToList();
            var mean = v.Average();
            return Math.Sqrt(v.Average(x => (x - mean) * (x - mean)));
        }
        static double Beats(NoteSequence s) => s.Notes.Where(n => !n.IsDrum).Sum(n => (double)(n.EndTick - n.StartTick)) / s.TicksPerQuarter;
        return string.Create(CultureInfo.InvariantCulture,
            $"sounding beats {Beats(before):0.0} → {Beats(after):0.0}; end {before.TotalSeconds:0.0} s → {after.TotalSeconds:0.0} s; velocity std {Spread(before):0.0} → {Spread(after):0.0}");
    }
}

using System.CommandLine;
using System.Globalization;
using System.Numerics;
using Euterpe.Core;
using Euterpe.Core.Abc;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Midi;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe midi convert IN --out OUT …</c>: a MIDI file or ABC tune, edited (<see cref="MidiConversion"/>), as MIDI or ABC.</summary>
public static class MidiConvertCommand
{
    /// <summary>Grid of the ABC melody when --quantize does not set one, in steps per quarter note: the n-gram's sixteenths.</summary>
    public const int AbcStepsPerBeat = 4;

    public static Command Create()
    {
        var input = MusicInput.FileArgument();
        var tune = MusicInput.TuneOption();
        var output = new Option<string>("--out") { HelpName = "OUT", Description = "File to write: MIDI (.mid, .midi) or ABC (.abc, the melody only: see above).", Required = true };
        var track = new Option<int?>("--track") { HelpName = "N", Description = "1. Keep only track N (numbered from 0 as `midi info` lists them; an ABC voice is a track)." };
        var merge = new Option<bool>("--merge-tracks") { Description = "2. Put every note and event on one track (a single-track MIDI file); channels and programs are kept. Where two tracks overlap notes of one channel and pitch, one track cannot say which note-off ends which note: players end the earlier note first." };
        var quantize = new Option<int?>("--quantize") { HelpName = "STEPS_PER_BEAT", Description = "3. Snap note starts and ends (and controller events) to a grid of STEPS_PER_BEAT per quarter note (4 = sixteenths); a note keeps at least one step." };
        var from = new Option<double?>("--from") { HelpName = "SECONDS", Description = "4. Keep the time from SECONDS on (notes crossing the edges are cut at them); the slice starts at time 0, with the tempo, metre, key, programs and controllers in force there." };
        var to = new Option<double?>("--to") { HelpName = "SECONDS", Description = "4. Keep the time before SECONDS (with or without --from)." };
        var bars = new Option<string?>("--bars") { HelpName = "FIRST:COUNT", Description = "4. Keep COUNT bars from bar FIRST (FIRST:COUNT, the first bar is 1; bars from the time signatures, 4/4 without any); not with --from/--to." };
        var transpose = new Option<int>("--transpose") { HelpName = "SEMITONES", Description = "5. Shift pitched notes by SEMITONES (drums keep their keys; a note pushed past 0..127 moves back by octaves); the key signature moves with them." };
        var command = new Command("convert",
            "Convert a MIDI file or ABC tune to MIDI or ABC, applying the options in the order they are numbered (1. --track, 2. --merge-tracks, " +
            "3. --quantize, 4. --from/--to or --bars, 5. --transpose). ABC output is one voice: the melody the n-gram model sees (skyline: at each " +
            "onset the highest pitched note wins and cuts the sounding one short; drums are left out), on a grid of --quantize steps per beat " +
            $"(default {AbcStepsPerBeat}, sixteenths; a power of two, as ABC lengths are, so triplets move to the grid), with the piece's first " +
            "metre, key and tempo. The output is written whole or not at all.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { output, tune, track, merge, quantize, from, to, bars, transpose }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var inPath = result.GetValue(input)!;
            var outPath = result.GetValue(output)!;
            OutputFile.CheckDistinct([inPath], outPath);
            var conversion = new MidiConversion
            {
                Track = result.GetValue(track), MergeTracks = result.GetValue(merge), StepsPerBeat = result.GetValue(quantize),
                FromSeconds = result.GetValue(from), ToSeconds = result.GetValue(to),
                Bars = result.GetValue(bars) is { } text ? MidiConversion.ParseBars(text) : null, Semitones = result.GetValue(transpose),
            };
            conversion.Check();
            var asAbc = MusicFiles.IsAbc(outPath);
            if (!asAbc && !MusicFiles.IsMidi(outPath)) throw new EuterpeException($"{outPath}: unknown output type (use .mid or .abc)");

            var abcSteps = conversion.StepsPerBeat ?? AbcStepsPerBeat;
            if (asAbc && !BitOperations.IsPow2(abcSteps))
                throw new EuterpeException($"--quantize {abcSteps}: ABC output needs a power of two steps per beat (ABC lengths are power-of-two fractions; no tuplets are written)");

            var piece = conversion.Apply(MusicInput.Load(inPath, result.GetValue(tune)), inPath);
            string written;
            if (asAbc)
            {
                if (piece.TicksPerQuarter % abcSteps != 0)
                    throw new EuterpeException($"{inPath}: its {piece.TicksPerQuarter} ticks per quarter note do not split into {abcSteps} steps for ABC; choose a --quantize that divides them");
                var melody = new MonophonicNoteEncoding(0, 127, abcSteps).Melody(piece);
                if (melody.Notes.Count == 0) throw new EuterpeException($"{inPath}: no pitched notes for an ABC melody (drums only)");
                AbcWriter.WriteFile(outPath, melody, title: piece.Title ?? Path.GetFileNameWithoutExtension(inPath));
                written = $"{melody.Notes.Count} melody notes";
                piece = melody;
            }
            else
            {
                OutputFile.Write(outPath, () => MidiFileWriter.Write(piece, outPath));
                written = $"{piece.Notes.Count} notes";
            }
            result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outPath}: {written}, {piece.TotalSeconds:0.0} s"));
            return 0;
        });
        return command;
    }
}

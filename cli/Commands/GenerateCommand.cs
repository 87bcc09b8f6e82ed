using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Abc;
using Euterpe.Core.Audio;
using Euterpe.Core.Families;
using Euterpe.Core.Families.EventRnn;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Generation;
using Euterpe.Core.IO;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;
using Euterpe.Host;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe generate PRESET</c>: a MIDI file (a WAV file for raw audio) from the preset's family's generator.</summary>
public static class GenerateCommand
{

    public static Command Create()
    {
        var preset = new Argument<string>("PRESET") { Description = "Preset folder (manifest.json + model), or the id of an installed preset as `render --preset` takes it (e.g. event-rnn-openmsx)." };
        var seconds = new Option<double>("--seconds") { Description = $"Length of the generated music in seconds, required unless --infill (at most {GenerationRequest.MaxSeconds})." };
        var output = new Option<string>("--out") { Description = "MIDI file to write (.mid); a WAV file for raw audio; an ABC file (.abc) for the ABC families, their text as one tune.", Required = true };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature (0 = always the likeliest); for a raw-audio preset with a level head, of each frame's drawn level.", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same preset, options and seed give the same file.", DefaultValueFactory = _ => 0 };
        var prime = new Option<string?>("--prime") { Description = "Music file (MIDI, or the first tune of an ABC file) whose melody (its top line over the first --prime-seconds) the output starts with and then continues for --seconds." };
        var primeSeconds = new Option<double?>("--prime-seconds") { HelpName = "S", Description = $"Seconds of the --prime file's start its melody is taken from (default {PrimerMelody.DefaultSeconds}, at most {PrimerMelody.MaxSeconds})." };
        var tempo = new Option<double>("--tempo") { Description = "Tempo in beats per minute (n-gram, char-rnn).", DefaultValueFactory = _ => 120 };
        var density = new Option<double?>("--density") { Description = $"Notes per second (conditional event RNN and char-rnn; default: the training corpus's mean). The event RNN is held there by measuring the output's onsets, within the densities the model was trained on (its metadata says; {EventRnnFamily.FallbackDensityRange.Min:0.##}…{EventRnnFamily.FallbackDensityRange.Max:0.##} for a model that does not)." };
        var key = new Option<string?>("--key") { Description = "Key as TONIC:major or TONIC:minor, e.g. C:major (conditional event RNN, char-rnn and dcrnn): sets the pitch-class histogram to the scale." };
        var variation = new Option<double>("--variation") { Description = "fft-lstm: noise added to each predicted frame before it is fed back, as a fraction of the seed frames' RMS value (0 lets an MSE-trained model fade towards its mean frame).", DefaultValueFactory = _ => 0.05 };
        var window = new Option<int>("--window") { Description = "fft-lstm: 0 carries the LSTM state (one run per frame); T re-reads the last T frames from a fresh state for every frame (the literature's method).", DefaultValueFactory = _ => 0 };
        var walkRate = new Option<double?>("--walk-rate") { HelpName = "R", Description = "seq-ae: bits of the code flipped per subsequence (default: the mean the preset measured between consecutive held-out subsequences)." };
        var themeReturn = new Option<double?>("--theme-return") { HelpName = "P", Description = "seq-ae: chance of returning to the stored theme code every 4 subsequences (default 0.5)." };
        var threshold = new Option<double?>("--threshold") { Description = "Piano-roll GANs: the value (0–1) above which a roll cell sounds (default: the preset's)." };
        var form = new Option<string?>("--form") { HelpName = "LETTERS", Description = "dcrnn: a form such as ABCAB: one z per distinct letter drawn from the seed, one letter per 16-beat clip, repeated to the end." };
        var morph = new Option<double?>("--morph") { HelpName = "M", Description = "dcrnn: 0–1, how far each clip's z moves linearly toward the next clip's (or the form's next letter's); 1 plays the next one's z." };
        var infill = new Option<string?>("--infill") { HelpName = "CLIP.mid", Description = "pix2pix: the MIDI clip to fill; the output keeps every note of it and adds the model's (instead of --seconds)." };
        var bars = new Option<string?>("--bars") { HelpName = "A-B", Description = "pix2pix with --infill: the bars (1-based, inclusive; A alone for one bar) to blank and fill; default: fill around the clip's notes everywhere." };
        var command = new Command("generate", "Generate music from a preset into a MIDI file, or a WAV file for raw-audio presets (families: " + string.Join(", ", ModelFamilies.Names) + ").");
        command.Arguments.Add(preset);
        command.Options.Add(seconds);
        command.Options.Add(output);
        command.Options.Add(temperature);
        command.Options.Add(seed);
        command.Options.Add(prime);
        command.Options.Add(primeSeconds);
        command.Options.Add(tempo);
        command.Options.Add(density);
        command.Options.Add(key);
        command.Options.Add(variation);
        command.Options.Add(window);
        command.Options.Add(walkRate);
        command.Options.Add(themeReturn);
        command.Options.Add(threshold);
        command.Options.Add(form);
        command.Options.Add(morph);
        command.Options.Add(infill);
        command.Options.Add(bars);
        // --seconds is required unless a clip is filled: a bad command line (exit 2) before any preset is read.
        command.Validators.Add(r =>
        {
            if (r.GetResult(seconds) is not { Implicit: false } && r.GetResult(infill) is null && r.GetResult(bars) is null)
                r.AddError("Option '--seconds' is required.");
        });
        command.SetAction(result =>
        {
            var path = result.GetValue(output)!;
            // The output is checked before the preset is looked up, as every command checks its outputs before any work.
            var clip = result.GetValue(infill);
            OutputFile.CheckDistinct([result.GetValue(prime), clip], path);
            var folder = InstalledPresets.Folder(result.GetValue(preset)!);
            OutputFile.CheckDistinct([.. OutputFile.FilesOf(folder), result.GetValue(prime), clip], path);
            var (opened, family) = ModelFamilies.Open(folder);
            if (family is Pix2PixFamily || clip is not null || result.GetResult(bars) is { Implicit: false })
                return ClipInfillCommand.Run(result, opened, family, clip, result.GetValue(bars), threshold, path);
            var primePath = result.GetValue(prime);
            var primeLength = result.GetValue(primeSeconds);
            if (family.Medium == GeneratedMedium.Audio && (primePath is not null || primeLength is not null))
                throw new EuterpeException($"--prime: the {opened.Family} family makes audio and takes no primer");
            if (primeLength is not null && primePath is null) throw new EuterpeException("--prime-seconds: needs --prime FILE");
            RefuseUnused(result, family.Honours(opened), opened.Family,
                [(temperature, GenerationControl.Temperature), (prime, GenerationControl.Primer), (primeSeconds, GenerationControl.Primer),
                 (tempo, GenerationControl.Tempo), (density, GenerationControl.Density), (key, GenerationControl.Key),
                 (variation, GenerationControl.Variation), (window, GenerationControl.Window),
                 (walkRate, GenerationControl.WalkRate), (themeReturn, GenerationControl.ThemeReturn), (threshold, GenerationControl.Threshold),
                 (form, GenerationControl.Form), (morph, GenerationControl.Morph)]);
            CheckExtension(path, family, opened.Family);
            var request = new GenerationRequest
            {
                Seconds = result.GetValue(seconds), Seed = result.GetValue(seed), Temperature = (float)result.GetValue(temperature),
                Primer = primePath is null ? null : Primer(primePath, primeLength ?? PrimerMelody.DefaultSeconds), Tempo = result.GetValue(tempo), Density = result.GetValue(density),
                Key = result.GetValue(key), Variation = (float)result.GetValue(variation), WindowFrames = result.GetValue(window),
                WalkRate = result.GetValue(walkRate), ThemeReturn = result.GetValue(themeReturn), Threshold = result.GetValue(threshold),
                Form = result.GetValue(form), Morph = result.GetValue(morph),
            };
            var writer = result.InvocationConfiguration.Output;
            if (family.Medium == GeneratedMedium.Audio)
            {
                var samples = family.GenerateAudio(opened, request, out var rate);
                WavFile.Write(path, AudioBuffer.Mono(rate, samples), WavSampleFormat.Float32);
                var peak = samples.Length == 0 ? 0 : samples.Max(MathF.Abs);
                var rms = Math.Sqrt(samples.Average(v => (double)v * v));
                // Frame-edge clicks: the step at every hop edge against the steps elsewhere (about 1 when joins are smooth).
                var manifest = opened.OnnxManifest;
                var hop = manifest.Audio!.Hop;
                var clicks = FrameEdgeClicks.Measure(samples, hop).Ratio;
                var seeded = File.Exists(opened.FilePath(AudioFramePreset.SeedFileName)) ? "seeded from seed.wav" : "seeded with noise";
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {path}: {samples.Length / (double)rate:0.0} s at {rate} Hz, peak {peak:0.000}, rms {rms:0.0000}, click ratio {clicks:0.00} at {hop}-sample edges ({opened.Family} {manifest.Audio.FrameLayout}, seed {request.Seed}, {seeded})"));
                return 0;
            }
            NoteSequence generated;
            if (MusicFiles.IsAbc(path))
            {
                (generated, var abc) = family.GenerateAbc(opened, request);
                AtomicFile.WriteAllText(path, abc);
            }
            else
            {
                generated = family.GenerateNotes(opened, request);
                MidiFileWriter.Write(generated, path);
            }
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path}: {generated.Notes.Count} notes, {generated.TotalSeconds:0.0} s ({opened.Id}, {opened.Family}, seed {request.Seed})"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Refuses an option the user gave that the preset's family would not read (the n-gram has no key, the event RNN no
    /// tempo): a silently ignored option makes a user believe it worked.
    /// </summary>
    private static void RefuseUnused(ParseResult result, GenerationControl honoured, string familyName, (Option Option, GenerationControl Control)[] options)
    {
        foreach (var (option, control) in options)
        {
            if (result.GetResult(option) is not { Implicit: false } || honoured.HasFlag(control)) continue;
            var used = options.Where(o => honoured.HasFlag(o.Control)).Select(o => o.Option.Name).ToList();
            throw new EuterpeException($"{option.Name}: the {familyName} family does not use it (it takes {(used.Count == 0 ? "none of the generation options" : string.Join(", ", used))})");
        }
    }

    /// <summary>
    /// A MIDI name for audio, a WAV name for notes, or an ABC name for a family that does not write ABC text would hold
    /// what its name does not say: refused.
    /// </summary>
    private static void CheckExtension(string path, ModelFamily family, string familyName)
    {
        var medium = family.Medium;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (medium == GeneratedMedium.Notes && extension == ".abc" && !family.WritesAbc)
            throw new EuterpeException($"{path}: the {familyName} family makes notes, written as MIDI: name a .mid file (ABC text comes from the ABC families, e.g. char-rnn)");
        if (medium == GeneratedMedium.Audio && extension is ".mid" or ".midi" or ".abc")
            throw new EuterpeException($"{path}: the {familyName} family makes audio: name a .wav file");
        if (medium == GeneratedMedium.Notes && extension is ".wav" or ".wave")
            throw new EuterpeException($"{path}: the {familyName} family makes notes, written as MIDI: name a .mid file");
    }

    /// <summary>
    /// The top melodic line of the first <paramref name="seconds"/> of a music file's first piece (a MIDI file, or the
    /// start of the first tune of an ABC file: the rest of the file is not parsed).
    /// </summary>
    private static NoteSequence Primer(string path, double seconds)
    {
        PrimerMelody.CheckSeconds(seconds);
        NoteSequence piece;
        if (MusicFiles.IsAbc(path)) piece = AbcReader.ReadTuneStart(path).Sequence;
        else piece = MusicFiles.Load(path) is { Count: > 0 } pieces ? pieces[0].Sequence : throw new EuterpeException($"{path}: no piece to prime with");
        var primer = PrimerMelody.Take(piece, seconds);
        if (primer.Notes.Count == 0)
            throw new EuterpeException(FormattableString.Invariant($"{path}: no melody to prime with in its first {seconds} s (no notes, or drums only)"));
        return primer;
    }
}

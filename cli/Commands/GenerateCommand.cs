using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Audio;
using Euterpe.Core.IO;
using Euterpe.Core.Midi;
using Euterpe.Core.Music;
using Euterpe.Training.Models;
using Euterpe.Core.Families.FftLstm;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Presets;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe generate PRESET</c>: write a MIDI file from a preset, dispatching on the manifest's family.</summary>
public static class GenerateCommand
{
    public static readonly IReadOnlyList<string> SupportedFamilies = [NGramNoteModel.Family, ModelFamilies.EventRnn, ModelFamilies.ConditionalEventRnn, ModelFamilies.FftLstm];

    public static Command Create()
    {
        var preset = new Argument<string>("PRESET") { Description = "Preset folder (manifest.json + model)." };
        var seconds = new Option<double>("--seconds") { Description = "Length of the generated music in seconds.", Required = true };
        var output = new Option<string>("--out") { Description = "MIDI file to write.", Required = true };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature (0 = always the likeliest).", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same preset, options and seed give the same file.", DefaultValueFactory = _ => 0 };
        var prime = new Option<string?>("--prime") { Description = "Music file (MIDI, or the first tune of an ABC file) whose melody the output starts with and then continues for --seconds." };
        var tempo = new Option<double>("--tempo") { Description = "Tempo in beats per minute (n-gram).", DefaultValueFactory = _ => 120 };
        var density = new Option<double?>("--density") { Description = "Notes per second (conditional event RNN; default: the training corpus's mean)." };
        var key = new Option<string?>("--key") { Description = "Key as TONIC:major or TONIC:minor, e.g. C:major (conditional event RNN): sets the pitch-class histogram to the scale." };
        var variation = new Option<double>("--variation") { Description = "fft-lstm: noise added to each predicted frame before it is fed back, as a fraction of the seed frames' RMS value (0 lets an MSE-trained model fade towards its mean frame).", DefaultValueFactory = _ => 0.05 };
        var window = new Option<int>("--window") { Description = "fft-lstm: 0 carries the LSTM state (one run per frame); T re-reads the last T frames from a fresh state for every frame (the literature's method).", DefaultValueFactory = _ => 0 };
        var command = new Command("generate", "Generate music from a preset into a MIDI file, or a WAV file for raw-audio presets (families: " + string.Join(", ", SupportedFamilies) + ").");
        command.Arguments.Add(preset);
        command.Options.Add(seconds);
        command.Options.Add(output);
        command.Options.Add(temperature);
        command.Options.Add(seed);
        command.Options.Add(prime);
        command.Options.Add(tempo);
        command.Options.Add(density);
        command.Options.Add(key);
        command.Options.Add(variation);
        command.Options.Add(window);
        command.SetAction(result =>
        {
            var folder = result.GetValue(preset)!;
            var family = ManifestFamily.Read(folder);
            if (family == ModelFamilies.FftLstm)
            {
                using var audioPreset = AudioFramePreset.Open(folder);
                var samples = AudioFrameRender.Render(audioPreset, result.GetValue(seconds), result.GetValue(seed), result.GetValue(window), (float)result.GetValue(variation));
                var wavPath = result.GetValue(output)!;
                WavFile.Write(wavPath, AudioBuffer.Mono(audioPreset.SampleRate, samples), WavSampleFormat.Float32);
                var peak = samples.Length == 0 ? 0 : samples.Max(MathF.Abs);
                var rms = Math.Sqrt(samples.Average(v => (double)v * v));
                // Frame-edge clicks: the step at every hop edge against the steps elsewhere (about 1 when joins are smooth).
                var clicks = FrameEdgeClicks.Measure(samples, audioPreset.Hop).Ratio;
                result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {wavPath}: {samples.Length / (double)audioPreset.SampleRate:0.0} s at {audioPreset.SampleRate} Hz, peak {peak:0.000}, rms {rms:0.0000}, click ratio {clicks:0.00} at {audioPreset.Hop}-sample edges ({family} {audioPreset.Layout}, seed {result.GetValue(seed)}{(audioPreset.SeedAudio.Length > 0 ? ", seeded from seed.wav" : ", seeded with noise")})"));
                return 0;
            }
            if (EventRnnGenerator.IsFamily(family))
            {
                var options = new EventRnnGenerationOptions
                {
                    Seconds = result.GetValue(seconds), Temperature = (float)result.GetValue(temperature), Seed = result.GetValue(seed),
                    Primer = result.GetValue(prime) is { } p ? Primer(p) : null, Density = result.GetValue(density), Key = result.GetValue(key),
                };
                var generated = EventRnnGenerator.Generate(folder, options);
                var path = result.GetValue(output)!;
                MidiFileWriter.Write(generated, path);
                result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {path}: {generated.Notes.Count} notes, {generated.TotalSeconds:0.0} s ({family}, seed {options.Seed})"));
                return 0;
            }
            if (family != NGramNoteModel.Family)
                throw new EuterpeException($"{folder}: generate does not support the '{family}' family yet (supported: {string.Join(", ", SupportedFamilies)})");
            var manifest = NGramPresetManifest.Read(folder);
            var model = NGramNoteModel.Load(Path.Combine(folder, manifest.Model));
            var primer = result.GetValue(prime) is { } primePath ? Primer(primePath) : null;
            var sequence = NGramMelodyGenerator.Generate(model, manifest.Provenance.Encoding.Create(), result.GetValue(seconds), result.GetValue(tempo),
                result.GetValue(temperature), result.GetValue(seed), primer);
            var outPath = result.GetValue(output)!;
            MidiFileWriter.Write(sequence, outPath);
            result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {outPath}: {sequence.Notes.Count} notes, {sequence.TotalSeconds:0.0} s ({manifest.Id}, seed {result.GetValue(seed)})"));
            return 0;
        });
        return command;
    }

    /// <summary>The first piece of a music file (a MIDI file, or the first tune of an ABC file).</summary>
    private static NoteSequence Primer(string path)
    {
        var pieces = MusicFiles.Load(path);
        return pieces.Count > 0 ? pieces[0].Sequence : throw new EuterpeException($"{path}: no piece to prime with");
    }
}

using System.CommandLine;
using System.Globalization;
using Euterpe.Training.Data;
using Euterpe.Training.Families.SeqAe;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train seq-ae</c>: train the continuous sequential autoencoder with binary codes on subsequences of melodies.</summary>
internal static class TrainSeqAeCommand
{
    public static Command Create()
    {
        var defaults = new SeqAeRunConfig();
        var common = new TrainOptions("A prepared cache (encoding notes) or a folder of music files.", defaults.Batch,
            "Tokens per subsequence: one code each (joint (pitch, duration) tokens, so 8 tokens are 8 notes or rests).", defaults.Length,
            "Adam learning rate.", defaults.LearningRate,
            "Seed of the initial weights, the split and the windows.");
        var hidden = new Option<int>("--hidden") { Description = "LSTM units of the encoder and of each decoder.", DefaultValueFactory = _ => defaults.Hidden };
        var embedding = new Option<int>("--embedding") { Description = "Width of the token embeddings.", DefaultValueFactory = _ => defaults.Embedding };
        var bits = new Option<int>("--code-bits") { Description = "m: bits of the code c = sign(c'), c' = tanh(…) ∈ (−1, 1)^m.", DefaultValueFactory = _ => defaults.CodeBits };
        var chunks = new Option<int>("--chunks") { Description = "Consecutive subsequences per training window (the continuity loss runs over neighbours).", DefaultValueFactory = _ => defaults.Chunks };
        var continuity = new Option<double>("--continuity")
        {
            Description = "Weight of the continuity loss ‖sign(c'ᵢ) − c'ᵢ₊₁‖² + ‖c'ᵢ − sign(c'ᵢ₊₁)‖² (0: off). The ablation: vanilla 0 and --quantisation 0; only L_con: --quantisation 0; only L_q: --continuity 0.",
            DefaultValueFactory = _ => defaults.Continuity,
        };
        var quantisation = new Option<double>("--quantisation") { Description = "Weight of the quantisation loss ‖c'ᵢ − sign(c'ᵢ)‖² (0: off).", DefaultValueFactory = _ => defaults.Quantisation };
        var warmup = new Option<int>("--warmup") { Description = "Steps over which the continuity and quantisation weights rise from 0 to their values.", DefaultValueFactory = _ => defaults.Warmup };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("seq-ae",
            "Train the continuous sequential autoencoder with binary codes: an LSTM encoder writes c' = tanh(…) for each subsequence of joint " +
            "(pitch, duration) melody tokens; f_dec reconstructs it from c', f_dec^bin from sign(c') (no gradient into the encoder), with the " +
            "continuity and quantisation losses weighted. Reports held-out L_rec, L_rec^bin and the mean Hamming distance between consecutive codes.");
        common.AddTo(command, [hidden, embedding, bits, chunks, continuity, quantisation, warmup, fraction]);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = new SeqAeRunConfig
            {
                Hidden = result.GetValue(hidden), Embedding = result.GetValue(embedding), CodeBits = result.GetValue(bits), Chunks = result.GetValue(chunks),
                Continuity = result.GetValue(continuity), Quantisation = result.GetValue(quantisation), Warmup = result.GetValue(warmup), Length = result.GetValue(common.SequenceLength),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                LearningRate = result.GetValue(common.LearningRate), Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            options.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split: with its own seed, fraction and lengths.
            var checkpoint = Path.Combine(run, SeqAeTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? SeqAeTrainer.ReadRunConfig(checkpoint) : options;
            var (trainMelodies, validationMelodies) = SeqAeTrainer.Melodies(TrainingData.Load(source, DataEncoding.Notes, split.ValidationFraction, split.Seed, invocation.Error));
            var train = new SeqAeWindows(split.Length, split.Chunks, trainMelodies, split.Seed);
            var printer = common.StartTorch(result);
            printer.ValidationLabel = "held-out Lbin";
            var metrics = SeqAeTrainer.Train(train, validationMelodies, SeqAeTrainer.NewRunConfig(source, options), run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: seq-ae {metrics.Config.Hidden} units, {metrics.Config.CodeBits}-bit codes over {metrics.Config.Length} tokens ({metrics.Parameters:N0} parameters), step {metrics.Step}"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainPieces} melodies, {metrics.TrainWindows} windows of {metrics.Config.Chunks}×{metrics.Config.Length} tokens; validation: {metrics.ValidationPieces} melodies"));
            invocation.Output.WriteLine(metrics.HeldOut is { } h
                ? string.Create(CultureInfo.InvariantCulture,
                    $"held out ({h.Subsequences} subsequences): L_rec {h.Reconstruction:0.0000}, L_rec^bin {h.BinaryReconstruction:0.0000} nats/token, mean Hamming distance between consecutive codes {h.MeanHamming:0.00} of {metrics.Config.CodeBits} bits")
                : "held out: n/a (no held-out melody of two subsequences)");
            return 0;
        });
        return command;
    }
}

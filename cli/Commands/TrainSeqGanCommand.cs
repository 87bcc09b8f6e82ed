using System.CommandLine;
using System.Globalization;
using Euterpe.Core.Families.SeqGan;
using Euterpe.Training.Data;
using Euterpe.Training.Families.SeqGan;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe train seqgan</c>: pre-train an LSTM generator by likelihood, then a convolutional discriminator, then train the generator by policy gradient with roll-out rewards.</summary>
internal static class TrainSeqGanCommand
{
    public static Command Create()
    {
        var defaults = new SeqGanRunConfig();
        var common = new TrainOptions("A prepared cache (encoding notes) or a folder of music files.", defaults.Batch,
            "Tokens per training window and per generated sequence (the player restarts every 32).", defaults.Length,
            "Adam learning rate of the generator (pre-training and policy gradient).", defaults.LearningRate,
            "Seed of the initial weights, the split, the windows and the samples.");
        var durations = new Option<string>("--durations")
        {
            Description = "vocabulary: each (pitch, duration) is a token; ngram: the generator writes pitches, durations are drawn at play time from an n-gram model of the same training files.",
            DefaultValueFactory = _ => defaults.Durations,
        };
        var rollouts = new Option<int>("--rollouts") { Description = "Monte-Carlo roll-outs per prefix that give each token its reward.", DefaultValueFactory = _ => defaults.Rollouts };
        var pretrain = new Option<long?>("--pretrain-steps") { Description = "Steps of generator pre-training by maximum likelihood (default: half of --steps)." };
        var discPretrain = new Option<long?>("--disc-pretrain-steps") { Description = "Steps of discriminator pre-training after it (default: a fifth of --steps); the rest are adversarial." };
        var discSteps = new Option<int>("--disc-steps") { Description = "Discriminator steps on fresh samples after each adversarial generator step.", DefaultValueFactory = _ => defaults.DiscriminatorSteps };
        var keep = new Option<double>("--rollout-keep") { Description = "Share of the roll-out copy kept at each adversarial step (the rest comes from the generator).", DefaultValueFactory = _ => defaults.RolloutKeep };
        var hidden = new Option<int>("--hidden") { Description = "LSTM units of the generator.", DefaultValueFactory = _ => defaults.Hidden };
        var embedding = new Option<int>("--embedding") { Description = "Width of the generator's token embedding.", DefaultValueFactory = _ => defaults.Embedding };
        var discEmbedding = new Option<int>("--disc-embedding") { Description = "Width of the discriminator's token embedding.", DefaultValueFactory = _ => defaults.DiscriminatorEmbedding };
        var filters = new Option<int>("--filters") { Description = $"Discriminator filters per width (widths {string.Join(' ', SeqGanRunConfig.FilterWidths)}, those up to --seq-len).", DefaultValueFactory = _ => defaults.Filters };
        var dropout = new Option<double>("--dropout") { Description = "Dropout before the discriminator's logit.", DefaultValueFactory = _ => defaults.Dropout };
        var discLr = new Option<double>("--disc-lr") { Description = "Adam learning rate of the discriminator.", DefaultValueFactory = _ => defaults.DiscriminatorLearningRate };
        var order = new Option<int>("--ngram-order") { Description = "Order of the duration n-gram (--durations ngram).", DefaultValueFactory = _ => defaults.NGramOrder };
        var fraction = new Option<double>("--validation-fraction") { Description = "Held-out fraction of the files (music folder only; a cache keeps its split).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var command = new Command("seqgan",
            "Train SeqGAN on melodies: an LSTM generator pre-trained by maximum likelihood, a convolutional highway discriminator pre-trained on real " +
            "against generated sequences, then adversarial steps (policy gradient with Monte-Carlo roll-out rewards, the discriminator retrained on fresh samples). " +
            "--steps counts all three phases. Reports BLEU of generated against training sequences and the held-out likelihood.");
        common.AddTo(command, [durations, rollouts, pretrain, discPretrain, discSteps, keep, hidden, embedding, discEmbedding, filters, dropout, discLr, order, fraction]);
        command.SetAction(result =>
        {
            var invocation = result.InvocationConfiguration;
            var source = result.GetValue(common.Data)!;
            var options = new SeqGanRunConfig
            {
                Durations = result.GetValue(durations)!, Rollouts = result.GetValue(rollouts), DiscriminatorSteps = result.GetValue(discSteps), RolloutKeep = result.GetValue(keep),
                Hidden = result.GetValue(hidden), Embedding = result.GetValue(embedding), DiscriminatorEmbedding = result.GetValue(discEmbedding),
                Filters = result.GetValue(filters), Dropout = result.GetValue(dropout), DiscriminatorLearningRate = result.GetValue(discLr),
                NGramOrder = result.GetValue(order), Length = result.GetValue(common.SequenceLength),
                ValidationFraction = result.GetValue(fraction), Steps = result.GetValue(common.Steps), Batch = result.GetValue(common.Batch),
                LearningRate = result.GetValue(common.LearningRate), Seed = result.GetValue(common.Seed), Device = result.GetValue(common.Device)!,
                ValidationEvery = Math.Max(1, result.GetValue(common.ValidateEvery)), CheckpointEvery = Math.Max(1, result.GetValue(common.CheckpointEvery)),
            };
            // Every option value is checked before any data is read.
            var config = SeqGanTrainer.NewRunConfig(source, options.WithPhases(result.GetValue(pretrain), result.GetValue(discPretrain)));
            config.Check();
            common.CheckThreads(result);
            var run = result.GetValue(common.Output)!;
            // A resumed run reads its data as it was split: with its own seed and fraction.
            var checkpoint = Path.Combine(run, SeqGanTrainer.CheckpointFileName);
            var split = result.GetValue(common.Resume) && File.Exists(checkpoint) ? SeqGanTrainer.ReadRunConfig(checkpoint) : config;
            var data = TrainingData.Load(source, DataEncoding.Notes, split.ValidationFraction, split.Seed, invocation.Error);
            var printer = common.StartTorch(result);
            printer.LossLabel = "G";
            printer.ValidationLabel = "D";
            var metrics = SeqGanTrainer.Train(data, config, run, result.GetValue(common.Resume), printer.Report);
            printer.Finish();
            string Number(double? value, string format = "0.0000") => value is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "n/a";
            var c = metrics.Config;
            invocation.Output.WriteLine($"run: {run}");
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: seqgan ({c.Durations} durations) generator {c.Hidden} units ({metrics.GeneratorParameters:N0} parameters), discriminator {c.Widths.Length}×{c.Filters} filters ({metrics.DiscriminatorParameters:N0}), step {metrics.Step} ({metrics.Phase})"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"phases: generator pre-training 1–{c.PretrainSteps}, discriminator pre-training to {c.AdversarialFrom}, adversarial to {c.Steps} ({c.Rollouts} roll-outs per prefix)"));
            invocation.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: train: {metrics.TrainPieces} melodies, {metrics.TrainWindows} windows of {c.Length} tokens; validation: {metrics.ValidationPieces} melodies"));
            invocation.Output.WriteLine($"generator NLL: {Number(metrics.GeneratorNll)}; discriminator loss: {Number(metrics.DiscriminatorLoss)}");
            invocation.Output.WriteLine($"held-out NLL: {Number(metrics.ValidationNll)} nats/token, {Number(metrics.ValidationNatsPerNote)} nats/note" +
                (c.Durations == SeqGanTokens.NGram ? $" (durations' n-gram: {Number(metrics.DurationCrossEntropy)})" : ""));
            invocation.Output.WriteLine($"BLEU ({SeqGanBleu.Samples} samples against the training windows, pitches): after pre-training {Number(metrics.PretrainBleu)}, now {Number(metrics.Bleu)}");
            return 0;
        });
        return command;
    }
}

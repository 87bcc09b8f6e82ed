using System.CommandLine;
using Euterpe.Cli;
using Euterpe.Cli.Commands;

var root = new RootCommand("Euterpe: neural music generation. Train models on MIDI, ABC or audio, export them to ONNX, and generate music.");
root.Subcommands.Add(MidiCommand.Create());
root.Subcommands.Add(OnnxCommand.Create());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(RefineCommand.Create());
root.Subcommands.Add(AudioCommand.Create());
root.Subcommands.Add(HostCommand.Create());
root.Subcommands.Add(RenderCommand.Create());
root.Subcommands.Add(PlayCommand.Create());
return CommandRunner.Invoke(root, args);

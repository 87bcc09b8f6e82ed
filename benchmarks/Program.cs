using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks -- --filter '*'` runs every benchmark;
// CLI-style comparisons (beside mido, PyTorch, a C program) live in their own classes with a Main-like entry.
if (args is ["midi-read", var midiDirectory]) return Euterpe.Benchmarks.MidiReadBenchmark.Run(midiDirectory);
if (args is ["fft-lstm-rtf", .. var rtfArgs]) return Euterpe.Benchmarks.FftLstmRealTimeBenchmark.Run(rtfArgs);
if (args is ["plugin-process", .. var rest]) return Euterpe.Benchmarks.PluginProcessBenchmark.Run(rest.Length > 0 ? double.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 60);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

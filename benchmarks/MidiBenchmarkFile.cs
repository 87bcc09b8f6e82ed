using Euterpe.Core.Midi;
using Euterpe.Core.Music;

namespace Euterpe.Benchmarks;

/// <summary>A MIDI file held in memory for <see cref="MidiReadBenchmark"/>, with what earlier steps produced from it.</summary>
public sealed class MidiBenchmarkFile(string path, byte[] bytes)
{
    public string Path { get; } = path;

    public byte[] Bytes { get; } = bytes;

    public MidiFile? File { get; set; }

    public NoteSequence? Sequence { get; set; }

    public int[]? Tokens { get; set; }
}

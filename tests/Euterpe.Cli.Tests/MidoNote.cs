using System.Globalization;

namespace Euterpe.Cli.Tests;

/// <summary>One row of the independent reader's notes (mido_notes.py over python3-mido): ticks as in the file, seconds from its tempos.</summary>
internal readonly record struct MidoNote(int Track, int Channel, int Program, int Pitch, int Velocity, long Start, long End, double StartSeconds, double EndSeconds)
{
    /// <summary>The notes of a MIDI file as python3-mido reads them, in the script's order (start, track, channel, pitch).</summary>
    public static IReadOnlyList<MidoNote> Read(string midiFile)
    {
        var csv = PythonRunner.RunScript(PythonRunner.Script("mido_notes.py"), midiFile);
        return [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            int I(int k) => int.Parse(f[k], CultureInfo.InvariantCulture);
            double D(int k) => double.Parse(f[k], CultureInfo.InvariantCulture);
            return new MidoNote(I(0), I(1), I(2), I(3), I(4), I(5), I(6), D(7), D(8));
        })];
    }
}

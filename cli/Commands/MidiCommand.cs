using System.CommandLine;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe midi …</c>: inspect Standard MIDI Files.</summary>
public static class MidiCommand
{
    public static Command Create()
    {
        var command = new Command("midi", "Inspect Standard MIDI Files.");
        return command;
    }
}

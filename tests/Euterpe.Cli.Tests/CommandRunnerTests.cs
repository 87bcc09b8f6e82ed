using Euterpe.Core;

namespace Euterpe.Cli.Tests;

public class CommandRunnerTests
{
    [Fact]
    public void UserErrorsPrintOneLineAndExitCode()
    {
        var err = new StringWriter();
        var code = CommandRunner.Report(new EuterpeException("song.mid: not a MIDI file (offset 0)"), err);
        Assert.Equal(2, code);
        Assert.Equal("error: song.mid: not a MIDI file (offset 0)" + Environment.NewLine, err.ToString());
    }
}

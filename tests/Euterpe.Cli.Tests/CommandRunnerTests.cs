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

    [Fact]
    public void EveryErrorLineIsOneBoundedLine()
    {
        // A message that carries the user's text raw (a newline, an escape sequence, 10 KB of it) still prints as one line.
        var err = new StringWriter();
        var code = CommandRunner.Report(new EuterpeException("song.abc: bad\nline\u001b[31m" + new string('x', 10_000)), err);
        Assert.Equal(2, code);
        var printed = err.ToString();
        Assert.EndsWith(Environment.NewLine, printed);
        var line = printed[..^Environment.NewLine.Length];
        Assert.DoesNotContain(line, char.IsControl);
        Assert.StartsWith("error: song.abc: bad\\nline\\u001b[31mxxx", line);
        Assert.InRange(line.Length, 400, 420); // 400 characters of the message, a few more where escapes lengthen them
    }

    [Fact]
    public void AnUnexpectedExceptionIsOneBoundedLineToo()
    {
        var err = new StringWriter();
        var code = CommandRunner.Report(new InvalidOperationException("first\nsecond" + new string('y', 5000)), err);
        Assert.Equal(70, code);
        Assert.Single(err.ToString().TrimEnd('\n', '\r').Split('\n'));
        Assert.True(err.ToString().Length < 420);
    }
}

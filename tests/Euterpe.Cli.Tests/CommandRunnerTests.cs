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

    [Theory]
    // System.CommandLine printed its errors and the whole help, and exited 1, with a .NET type name in the line.
    [InlineData(new[] { "generate", "presets/ngram-openmsx", "--out", "x.mid", "--seconds", "abc" }, "error: --seconds: \"abc\" is not a number (see 'euterpe generate --help')")]
    [InlineData(new[] { "generate", "presets/ngram-openmsx", "--out", "x.mid" }, "error: --seconds: required (see 'euterpe generate --help')")]
    [InlineData(new[] { "nosuch" }, "error: unknown option or argument \"nosuch\" (see 'euterpe --help')")]
    public void ABadCommandLineIsOneErrorLineAndExitTwo(string[] args, string expected)
    {
        var (code, stdout, stderr) = DataCli.Invoke(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(expected, stderr.TrimEnd('\n'));
    }

    [Fact]
    public void NoCommandListsTheCommands()
    {
        var (code, _, stderr) = DataCli.Invoke();
        Assert.Equal(2, code);
        Assert.Matches(@"^error: no command given \(commands: [a-z, ]*generate[a-z, ]*\) \(see 'euterpe --help'\)\n$", stderr);
    }

    [Fact]
    public void HelpStillWinsOverMissingOptions()
    {
        var (code, stdout, _) = DataCli.Invoke("generate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--seconds", stdout);
    }
}

using Euterpe.TestSupport.Mutants;

namespace Euterpe.Cli.Tests;

/// <summary>The hardening campaign's verdicts (benchmarks/Hardening): the rules for how a run on a bad input must end.</summary>
public sealed class HardeningVerdictTests
{
    private const string Clean = "error: /tmp/x/song.wav: sample rate 0 is not supported\n";

    [Fact]
    public void A_bad_input_refused_with_one_line_naming_the_file_is_clean()
    {
        var run = new RunObservation(Expectation.Bad, 2, Clean, UserFiles: ["/tmp/x/song.wav"]);
        Assert.Equal(Verdict.CleanError, HardeningVerdict.Classify(run).Verdict);
    }

    [Fact]
    public void Progress_lines_before_the_error_line_are_allowed()
    {
        var run = new RunObservation(Expectation.Bad, 2, "reading 1/2 files\n" + Clean);
        Assert.Equal(Verdict.CleanError, HardeningVerdict.Classify(run).Verdict);
    }

    [Theory]
    [InlineData(1, Clean, "exit 1, not 2")]
    [InlineData(2, "Unable to read: bad header\n", "last line is not 'error: …'")]
    [InlineData(2, "error: first\nerror: second\n", "more than one error line")]
    [InlineData(2, "   at Euterpe.Core.Wav.Read()\nerror: song.wav: bad\n", "stack trace or exception text")]
    [InlineData(2, "error: song.wav: \u001b[31mred\n", "control characters in the error line")]
    [InlineData(2, "error: /tmp/x/.out.wav.4711.tmp: disk full\n", "names a hidden temp file")]
    [InlineData(2, "", "no error line")]
    public void A_failure_that_is_not_one_clean_line_is_messy(int exitCode, string stderr, string reason)
    {
        var (verdict, why) = HardeningVerdict.Classify(new RunObservation(Expectation.Bad, exitCode, stderr));
        Assert.Equal(Verdict.MessyError, verdict);
        Assert.Equal(reason, why);
    }

    [Fact]
    public void An_error_line_past_300_characters_is_messy()
    {
        var run = new RunObservation(Expectation.Bad, 2, $"error: song.wav: {new string('x', 300)}\n");
        Assert.Equal((Verdict.MessyError, "error line of 317 characters"), HardeningVerdict.Classify(run));
    }

    [Fact]
    public void An_error_that_names_none_of_the_users_files_is_messy()
    {
        var run = new RunObservation(Expectation.Bad, 2, "error: bad header\n", UserFiles: ["/tmp/x/song.wav"]);
        Assert.Equal((Verdict.MessyError, "does not name the user's file"), HardeningVerdict.Classify(run));
    }

    [Fact]
    public void An_empty_output_path_does_not_count_as_named()
    {
        // `--out ""` must not let "error: : unknown output type" pass for an error that names the file.
        var run = new RunObservation(Expectation.Bad, 2, "error: : unknown output type\n", UserFiles: ["", "/tmp/x/song.mid"]);
        Assert.Equal((Verdict.MessyError, "does not name the user's file"), HardeningVerdict.Classify(run));
    }

    [Fact]
    public void An_empty_output_path_quoted_counts_as_named()
    {
        var run = new RunObservation(Expectation.Bad, 2, "error: \"\": is not a file name\n", UserFiles: ["", "/tmp/x/song.mid"]);
        Assert.Equal(Verdict.CleanError, HardeningVerdict.Classify(run).Verdict);
    }

    [Fact]
    public void A_long_path_counts_as_named_by_its_first_60_characters()
    {
        var path = "/tmp/x/" + new string('n', 300) + ".wav";
        var line = $"error: \"{path[..80]}\"… ({path.Length} characters): file name is longer than 255 bytes\n";
        Assert.Equal(Verdict.CleanError, HardeningVerdict.Classify(new RunObservation(Expectation.Bad, 2, line, UserFiles: [path])).Verdict);
        // Fewer than 60 of its characters name nothing.
        var cut = $"error: \"{path[..50]}\"…: file name is longer than 255 bytes\n";
        Assert.Equal((Verdict.MessyError, "does not name the user's file"), HardeningVerdict.Classify(new RunObservation(Expectation.Bad, 2, cut, UserFiles: [path])));
    }

    [Fact]
    public void Exit_0_on_a_bad_input_or_with_an_empty_output_is_flagged_unless_the_input_was_valid()
    {
        Assert.Equal(Verdict.Exit0OnBadInput, HardeningVerdict.Classify(new RunObservation(Expectation.Bad, 0, "")).Verdict);
        Assert.Equal(Verdict.Exit0OnBadInput, HardeningVerdict.Classify(new RunObservation(Expectation.Either, 0, "", EmptyOutput: "out.mid: no notes")).Verdict);
        // A short run of a valid preset may be quiet at its start: that is the model's business, not a hardening failure.
        Assert.Equal(Verdict.Ok, HardeningVerdict.Classify(new RunObservation(Expectation.Good, 0, "", EmptyOutput: "out.wav: silent")).Verdict);
        Assert.Equal(Verdict.Ok, HardeningVerdict.Classify(new RunObservation(Expectation.Either, 0, "")).Verdict);
    }

    [Fact]
    public void A_valid_input_refused_is_flagged_even_with_a_clean_line()
    {
        Assert.Equal(Verdict.RefusedGoodInput, HardeningVerdict.Classify(new RunObservation(Expectation.Good, 2, Clean)).Verdict);
    }

    [Theory]
    [InlineData(70, "error: internal error: NullReferenceException: Object reference not set\n", Verdict.InternalError)]
    [InlineData(134, "Unhandled exception. System.InvalidOperationException\n", Verdict.Crash)]
    [InlineData(139, "", Verdict.Crash)]
    [InlineData(130, "error: cancelled\n", Verdict.MessyError)]
    public void Signals_and_unexpected_exceptions_are_crashes_and_internal_errors(int exitCode, string stderr, Verdict expected)
    {
        Assert.Equal(expected, HardeningVerdict.Classify(new RunObservation(Expectation.Either, exitCode, stderr)).Verdict);
    }

    [Fact]
    public void Damage_outranks_everything_else()
    {
        // A clean error line does not excuse an input the command destroyed on its way out.
        var all = new RunObservation(Expectation.Bad, 2, Clean, TimedOut: true, ChangedInputs: ["song.wav"], ReplacedSpecialFiles: ["link.wav"], Leftovers: [".out.wav.tmp"]);
        Assert.Equal(Verdict.DestroyedInput, HardeningVerdict.Classify(all).Verdict);
        Assert.Equal(Verdict.SpecialFileReplaced, HardeningVerdict.Classify(all with { ChangedInputs = [] }).Verdict);
        Assert.Equal(Verdict.Hang, HardeningVerdict.Classify(all with { ChangedInputs = [], ReplacedSpecialFiles = [] }).Verdict);
        Assert.Equal(Verdict.LeftoverTemp, HardeningVerdict.Classify(all with { ChangedInputs = [], ReplacedSpecialFiles = [], TimedOut = false }).Verdict);
    }
}

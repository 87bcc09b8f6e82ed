using System.CommandLine;
using Euterpe.Core;
using Euterpe.Core.Text;

namespace Euterpe.Cli;

/// <summary>
/// Runs the parsed command and turns every user-caused failure into one <c>error:</c> line on stderr and a
/// non-zero exit code. Unexpected exceptions are bugs: they still print one line, and a trace only with EUTERPE_DEBUG=1.
/// Every line is passed through <see cref="UserText.OneLine"/>: a message that carries a control character or a huge
/// token from the user's input still prints as one bounded line.
/// </summary>
public static class CommandRunner
{
    public static int Invoke(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (Exception ex)
        {
            return Report(ex, error);
        }
    }

    /// <summary>The most characters of a message an error line prints.</summary>
    public const int MaxMessageLength = 400;

    public static int Report(Exception ex, TextWriter error)
    {
        switch (ex)
        {
            case EuterpeException e:
                WriteError(error, e.Message);
                return e.ExitCode;
            case FileNotFoundException e:
                WriteError(error, $"{e.FileName ?? "file"}: not found");
                return 2;
            case DirectoryNotFoundException e:
                WriteError(error, e.Message);
                return 2;
            case UnauthorizedAccessException e:
                WriteError(error, e.Message);
                return 2;
            case OperationCanceledException:
                error.WriteLine("error: cancelled");
                return 130;
            default:
                WriteError(error, $"internal error: {ex.GetType().Name}: {ex.Message}");
                if (Environment.GetEnvironmentVariable("EUTERPE_DEBUG") == "1") error.WriteLine(ex);
                return 70;
        }
    }

    private static void WriteError(TextWriter error, string message) =>
        error.WriteLine($"error: {UserText.OneLine(message, MaxMessageLength)}");
}

namespace Euterpe.Core;

/// <summary>
/// Base of every error a user can cause (bad file, bad option, missing library). The command line
/// prints <see cref="Exception.Message"/> as one <c>error:</c> line and exits with <see cref="ExitCode"/>;
/// anything else is a bug and gets a stack trace.
/// </summary>
public class EuterpeException : Exception
{
    public EuterpeException(string message, int exitCode = 2, Exception? inner = null) : base(message, inner) => ExitCode = exitCode;

    public int ExitCode { get; }
}

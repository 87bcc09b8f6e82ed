namespace Euterpe.Core.Abc;

/// <summary>An ABC file that cannot be read; the message is <c>FILE: line L: problem</c>.</summary>
public sealed class AbcFormatException : EuterpeException
{
    public AbcFormatException(string source, int line, string problem)
        : base($"{source}: line {line}: {problem}")
    {
        SourceName = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>File (or source name) the problem was found in.</summary>
    public string SourceName { get; }

    public int Line { get; }

    public string Problem { get; }
}

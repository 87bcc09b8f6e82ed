using Euterpe.Core.Text;

namespace Euterpe.Core.Abc;

/// <summary>
/// An ABC file that cannot be read; the message is one line, <c>FILE: line L, column C: problem</c>, with any user
/// text in the problem already quoted by <see cref="UserText.Quote"/>.
/// </summary>
public sealed class AbcFormatException : EuterpeException
{
    /// <summary>The longest problem text a message carries, so no message floods a terminal or a skipped.txt line.</summary>
    public const int MaxProblemLength = 200;

    public AbcFormatException(string source, int line, int column, string problem)
        : base($"{source}: line {line}, column {column}: {UserText.OneLine(problem, MaxProblemLength)}")
    {
        SourceName = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>A problem with a whole line (or tune) rather than one place in it: column 1.</summary>
    public AbcFormatException(string source, int line, string problem)
        : this(source, line, 1, problem)
    {
    }

    /// <summary>File (or source name) the problem was found in.</summary>
    public string SourceName { get; }

    public int Line { get; }

    /// <summary>1-based column of the character the problem starts at.</summary>
    public int Column { get; }

    public string Problem { get; }
}

using Euterpe.Core;

namespace Euterpe.Host;

/// <summary>A plug-in bundle that cannot be loaded or driven: <c>BUNDLE: step: problem</c>, exit code 2.</summary>
public sealed class HostException(string bundle, string step, string problem, Exception? inner = null)
    : EuterpeException($"{bundle}: {step}: {problem}", 2, inner)
{
    public string Bundle { get; } = bundle;
    public string Step { get; } = step;
    public string Problem { get; } = problem;
}

using System.Text.RegularExpressions;

namespace Euterpe.TestSupport;

/// <summary>
/// Runs the Python the tests compare against: <c>$EUTERPE_PYTHON</c>, else Debian's <c>/usr/bin/python3</c> (with
/// python3-numpy, -onnx, -mido, -torch and -pil), never a <c>python3</c> found on PATH, which may be a shim without them.
/// A missing Python or module fails with one message naming what to install, instead of a traceback.
/// </summary>
public static partial class PythonRunner
{
    public const string Variable = "EUTERPE_PYTHON";
    public const string DefaultExecutable = "/usr/bin/python3";

    /// <summary>The interpreter every test runs.</summary>
    public static string Executable => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } python ? python : DefaultExecutable;

    /// <summary>A script of the shared ones, in tests/Euterpe.TestSupport/Python.</summary>
    public static string Script(string name) => RepositoryRoot.Combine("tests", "Euterpe.TestSupport", "Python", name);

    /// <summary>Runs Python with these arguments and returns how it ended, whatever its exit code.</summary>
    public static ProcessResult Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var python = Executable;
        if (!File.Exists(python))
            throw new InvalidOperationException($"{python}: no such Python; install python3 with python3-numpy, python3-onnx, python3-mido, python3-torch and python3-pil (scripts/install-deps.sh) or set {Variable}");
        var result = ProcessRunner.Run(python, arguments, environment, timeout);
        if (MissingModule().Match(result.Stderr) is { Success: true } missing)
        {
            var module = missing.Groups[1].Value;
            throw new InvalidOperationException($"{python} has no module '{module}': install {DebianPackage(module)} (scripts/install-deps.sh) or set {Variable} to a Python that has it");
        }
        return result;
    }

    /// <summary>Runs a script file that must succeed and returns its stdout.</summary>
    public static string RunScript(string script, params string[] arguments) => Run([script, .. arguments]).EnsureSuccess().Stdout;

    /// <summary>Runs inline code (<c>python -c</c>; its arguments in <c>sys.argv[1:]</c>) that must succeed and returns its stdout.</summary>
    public static string RunCode(string code, params string[] arguments) => Run(["-c", code, .. arguments]).EnsureSuccess().Stdout;

    private static string DebianPackage(string module) => module switch
    {
        "PIL" => "python3-pil",
        _ => "python3-" + module.ToLowerInvariant(),
    };

    // A whole package missing; a missing submodule ("onnx.reference") is a version question the traceback answers.
    [GeneratedRegex(@"ModuleNotFoundError: No module named '([^'.]+)'")]
    private static partial Regex MissingModule();
}

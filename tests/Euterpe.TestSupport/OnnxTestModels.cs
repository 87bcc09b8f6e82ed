using System.Security.Cryptography;
using System.Text;

namespace Euterpe.TestSupport;

/// <summary>
/// The ONNX models and numpy references the tests run (core's inference and generator tests, the plug-in's test
/// preset, the CLI's <c>onnx</c> commands), all made by Python/make_test_models.py. They are built once into
/// artifacts/test-models/HASH, named by the script and the Python that ran it, so the test projects of one run (and
/// later runs, while both stay the same) share one build.
/// </summary>
public static class OnnxTestModels
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding every model; built on first use.</summary>
    public static string Folder => Built.Value;

    public static string PathOf(string name) => Path.Combine(Folder, name);

    private static string Build()
    {
        var script = PythonRunner.Script("make_test_models.py");
        var key = SHA256.HashData([.. File.ReadAllBytes(script), .. Encoding.UTF8.GetBytes(PythonRunner.Executable)]);
        var folder = RepositoryRoot.Combine("artifacts", "test-models", Convert.ToHexStringLower(key)[..16]);
        if (Directory.Exists(folder)) return folder;
        // Built beside it and renamed into place, so a test process never sees a half-built folder.
        var building = $"{folder}.{Environment.ProcessId}.building";
        try
        {
            PythonRunner.RunScript(script, building);
            Directory.Move(building, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another test process of this run finished the same build first.
        }
        finally
        {
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        }
        return folder;
    }
}

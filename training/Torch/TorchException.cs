using Euterpe.Core;
using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch;

/// <summary>An error reported by libtorch (shape mismatch, bad dtype, missing CUDA...) or by loading the shim.</summary>
public sealed class TorchException : EuterpeException
{
    public TorchException(string message) : base(message) { }

    /// <summary>Builds the exception from the shim's last error; libtorch messages can span lines, the first one leads.</summary>
    internal static TorchException FromNative()
    {
        var text = NativeError.Take().Trim();
        var firstLine = text.Split('\n', 2)[0].Trim();
        var rest = text.Length > firstLine.Length ? text[firstLine.Length..].Trim() : "";
        return new TorchException(rest.Length == 0 ? $"libtorch: {firstLine}" : $"libtorch: {firstLine} ({rest.Replace('\n', ' ')})");
    }

    internal static IntPtr Check(IntPtr handle) => handle == IntPtr.Zero ? throw FromNative() : handle;

    internal static int Check(int code) => code < 0 ? throw FromNative() : code;

    internal static long Check(long code) => code < 0 ? throw FromNative() : code;
}

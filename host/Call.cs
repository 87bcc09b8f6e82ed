using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>Typed function pointers into a COM vtable slot, and tresult checks that name the step that failed.</summary>
internal static unsafe class Call
{
    public static nint Slot(nint self, int slot) => (*(nint**)self)[slot];

    public static void Check(string bundle, string step, int result)
    {
        if (result != Vst3Result.Ok) throw new HostException(bundle, step, $"returned {ResultName(result)}");
    }

    public static string ResultName(int result) => result switch
    {
        Vst3Result.NoInterface => "kNoInterface (-1)",
        Vst3Result.Ok => "kResultOk (0)",
        Vst3Result.False => "kResultFalse (1)",
        Vst3Result.InvalidArgument => "kInvalidArgument (2)",
        Vst3Result.NotImplemented => "kNotImplemented (3)",
        Vst3Result.InternalError => "kInternalError (4)",
        Vst3Result.NotInitialized => "kNotInitialized (5)",
        Vst3Result.OutOfMemory => "kOutOfMemory (6)",
        _ => $"error {result}",
    };
}

namespace Euterpe.Vst3;

/// <summary>tresult codes of the VST3 API as they are on Linux (funknown.h, COM_COMPATIBLE = 0).</summary>
public static class Vst3Result
{
    public const int NoInterface = -1;
    public const int Ok = 0;
    public const int True = Ok;
    public const int False = 1;
    public const int InvalidArgument = 2;
    public const int NotImplemented = 3;
    public const int InternalError = 4;
    public const int NotInitialized = 5;
    public const int OutOfMemory = 6;
}

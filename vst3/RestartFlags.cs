namespace Euterpe.Vst3;

/// <summary>IComponentHandler::restartComponent flags (Steinberg::Vst::RestartFlags) that Euterpe sends.</summary>
public static class RestartFlags
{
    public const int ParamValuesChanged = 1 << 2;
    public const int ParamTitlesChanged = 1 << 4;
}

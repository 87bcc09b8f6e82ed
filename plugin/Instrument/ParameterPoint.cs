namespace Euterpe.Plugin.Instrument;

/// <summary>One automation point of a block: parameter (index into InstrumentParameters.All), sample offset, normalized value.</summary>
public readonly record struct ParameterPoint(int SampleOffset, int Index, double Value);

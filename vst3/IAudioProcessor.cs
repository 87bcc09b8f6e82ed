namespace Euterpe.Vst3;

/// <summary>Managed side of IAudioProcessor (ivstaudioprocessor.h).</summary>
public unsafe interface IAudioProcessor
{
    int SetBusArrangements(ulong* inputs, int inputCount, ulong* outputs, int outputCount);
    int GetBusArrangement(int direction, int index, ulong* arrangement);
    int CanProcessSampleSize(int symbolicSampleSize);
    uint GetLatencySamples();
    int SetupProcessing(ProcessSetup* setup);
    int SetProcessing(bool state);
    int Process(ProcessData* data);
    uint GetTailSamples();
}

namespace Euterpe.Training.Torch;

/// <summary>Device kinds; values are c10::DeviceType's.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

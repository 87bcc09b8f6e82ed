namespace Euterpe.Training.Torch;

/// <summary>How a loss reduces over elements; values are at::Reduction's.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}

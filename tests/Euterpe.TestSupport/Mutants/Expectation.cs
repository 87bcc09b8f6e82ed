namespace Euterpe.TestSupport.Mutants;

/// <summary>What a correct command does with a mutant input.</summary>
public enum Expectation
{
    /// <summary>The input is valid: the command must succeed.</summary>
    Good,
    /// <summary>The input is broken: the command must fail with one clean error line.</summary>
    Bad,
    /// <summary>Either outcome is right (a flipped bit may still leave a valid file), as long as the failure is clean.</summary>
    Either,
}

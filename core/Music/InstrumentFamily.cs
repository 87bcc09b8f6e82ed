namespace Euterpe.Core.Music;

/// <summary>The 17 instrument families of the Lakh piano-roll dataset: drums, then the 16 General MIDI program groups of eight.</summary>
public enum InstrumentFamily
{
    Drums,
    Piano,
    ChromaticPercussion,
    Organ,
    Guitar,
    Bass,
    Strings,
    Ensemble,
    Brass,
    Reed,
    Pipe,
    SynthLead,
    SynthPad,
    SynthEffects,
    Ethnic,
    Percussive,
    SoundEffects,
}

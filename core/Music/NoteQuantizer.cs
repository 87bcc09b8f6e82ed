namespace Euterpe.Core.Music;

/// <summary>Snaps notes and controller events to a grid of N steps per beat (a beat being a quarter note).</summary>
public static class NoteQuantizer
{
    /// <summary>
    /// Returns a copy whose note starts and ends sit on the nearest grid step (ticks and seconds both updated); a note that
    /// would vanish keeps one step. Controller, pitch-bend and program events move to the nearest step too, so a pedal
    /// stays in step with the notes it holds.
    /// </summary>
    public static NoteSequence Quantize(NoteSequence sequence, int stepsPerBeat)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (stepsPerBeat <= 0) throw new ArgumentOutOfRangeException(nameof(stepsPerBeat), "steps per beat must be positive");
        var ppq = sequence.TicksPerQuarter;
        if (ppq <= 0) throw new ArgumentException("quantising needs a tick rate in ticks per quarter note (not SMPTE)", nameof(sequence));
        var result = SequenceCopy.WithoutNotes(sequence);
        foreach (var note in sequence.Notes)
        {
            var startStep = NearestStep(note.StartTick, ppq, stepsPerBeat);
            var endStep = Math.Max(NearestStep(note.EndTick, ppq, stepsPerBeat), startStep + 1);
            result.Notes.Add(SequenceCopy.Retime(result, note, StepTick(startStep, ppq, stepsPerBeat), StepTick(endStep, ppq, stepsPerBeat)));
        }
        Snap(result.ControlChanges, c => c.Tick, (c, t) => c with { Tick = t, Seconds = result.TempoMap.TickToSeconds(t) }, ppq, stepsPerBeat);
        Snap(result.PitchBends, c => c.Tick, (c, t) => c with { Tick = t, Seconds = result.TempoMap.TickToSeconds(t) }, ppq, stepsPerBeat);
        Snap(result.ProgramChanges, c => c.Tick, (c, t) => c with { Tick = t, Seconds = result.TempoMap.TickToSeconds(t) }, ppq, stepsPerBeat);
        result.Sort();
        return result;
    }

    /// <summary>Index of the grid step nearest to a tick; steps fall at round(k · ppq / stepsPerBeat), so any step count works.</summary>
    public static long NearestStep(long tick, int ticksPerQuarter, int stepsPerBeat) =>
        (long)Math.Round((double)tick * stepsPerBeat / ticksPerQuarter, MidpointRounding.AwayFromZero);

    public static long StepTick(long step, int ticksPerQuarter, int stepsPerBeat) =>
        (long)Math.Round((double)step * ticksPerQuarter / stepsPerBeat, MidpointRounding.AwayFromZero);

    private static void Snap<T>(List<T> events, Func<T, long> tick, Func<T, long, T> move, int ppq, int steps)
    {
        for (var i = 0; i < events.Count; i++)
            events[i] = move(events[i], StepTick(NearestStep(tick(events[i]), ppq, steps), ppq, steps));
    }
}

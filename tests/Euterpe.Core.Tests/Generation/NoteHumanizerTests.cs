using Euterpe.Core.Families.Refine;
using Euterpe.Core.Midi;

namespace Euterpe.Core.Tests.Generation;

/// <summary>
/// The Humanize stage with the shipped refine nets over a real part streamed as a generator would give it: the same
/// onsets and pitches come back in time order, each note-on with its note-off, lengths changed only by the duration net
/// and velocities only by the velocity net, and a second pass allocates nothing.
/// </summary>
public sealed class NoteHumanizerTests
{
    private const string Song = "/usr/share/games/openttd/baseset/openmsx/chuggachugga.mid";

    private static NoteRefiner Net(string preset, RefineNetKind kind) => NoteRefiner.Open(RepositoryRoot.Combine("presets", preset), kind);

    // The song's busiest part as note events in time order (note-offs first on a beat), as the worker feeds them.
    private static HumanizedEvent[] Stream()
    {
        var part = NotePart.Split(MidiFileReader.Read(Song)).OrderByDescending(p => p.Count).First();
        var events = new List<HumanizedEvent>();
        for (var i = 0; i < part.Count; i++)
        {
            events.Add(new HumanizedEvent(part.Onsets[i], part.Pitches[i], part.Velocities[i], true));
            events.Add(new HumanizedEvent(part.Onsets[i] + part.Durations[i], part.Pitches[i], 0, false));
        }
        return [.. events.OrderBy(e => e.Beat).ThenBy(e => e.IsNoteOn)];
    }

    private static int Run(NoteHumanizer humanizer, HumanizedEvent[] input, HumanizedEvent[] output)
    {
        humanizer.Reset();
        var count = 0;
        foreach (var e in input)
        {
            humanizer.Add(e.Beat, e.Pitch, e.Velocity, e.IsNoteOn);
            humanizer.Advance(e.Beat);
            while (humanizer.TryTake(out var o)) output[count++] = o;
        }
        humanizer.Advance(input[^1].Beat + 100);
        while (humanizer.TryTake(out var o)) output[count++] = o;
        return count;
    }

    private static List<(double Onset, int Pitch, int Velocity, double Length)> Notes(ReadOnlySpan<HumanizedEvent> events)
    {
        var open = new Dictionary<int, Queue<(double, int)>>();
        var notes = new List<(double, int, int, double)>();
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (i > 0)
            {
                var p = events[i - 1];
                Assert.True(p.Beat < e.Beat || (p.Beat == e.Beat && (!p.IsNoteOn || e.IsNoteOn)), $"event {i} at {e.Beat} comes after {p.Beat}");
            }
            if (e.IsNoteOn)
            {
                if (!open.TryGetValue(e.Pitch, out var q)) open[e.Pitch] = q = new Queue<(double, int)>();
                q.Enqueue((e.Beat, e.Velocity));
            }
            else
            {
                Assert.True(open.TryGetValue(e.Pitch, out var q) && q.Count > 0, $"note-off of {e.Pitch} at {e.Beat} without its note-on");
                var (onset, velocity) = q.Dequeue();
                notes.Add((onset, e.Pitch, velocity, e.Beat - onset));
            }
        }
        Assert.All(open.Values, q => Assert.Empty(q));
        return [.. notes.OrderBy(n => n.Item1).ThenBy(n => n.Item2)];
    }

    [Fact]
    public void Each_net_changes_only_its_own_side_and_onsets_stay()
    {
        var input = Stream();
        var original = Notes(input);
        var output = new HumanizedEvent[input.Length];
        using var duration = Net("refine-duration-openmsx", RefineNetKind.Duration);
        using var velocity = Net("refine-velocity-mixed", RefineNetKind.Velocity);

        var timed = Notes(output.AsSpan(0, Run(new NoteHumanizer(duration, null), input, output)));
        Assert.Equal(original.Select(n => (n.Onset, n.Pitch, n.Velocity)), timed.Select(n => (n.Onset, n.Pitch, n.Velocity)));
        var moved = original.Zip(timed).Count(p => Math.Abs(p.First.Length - p.Second.Length) > 1e-6);
        Assert.True(moved > original.Count / 2, $"{moved} of {original.Count} lengths changed");
        Assert.All(timed, n => Assert.True(n.Length >= NoteHumanizer.MinLengthBeats - 1e-12));

        var loud = Notes(output.AsSpan(0, Run(new NoteHumanizer(null, velocity), input, output)));
        Assert.Equal(original.Select(n => (n.Onset, n.Pitch)), loud.Select(n => (n.Onset, n.Pitch)));
        Assert.Equal(original.Select(n => n.Length).ToArray(), loud.Select(n => n.Length).ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.All(loud, n => Assert.InRange(n.Velocity, 1, 127));
        Assert.True(loud.Select(n => n.Velocity).Distinct().Count() > 3, "the velocity net gives every note the same velocity");

        var both = Notes(output.AsSpan(0, Run(new NoteHumanizer(duration, velocity), input, output)));
        Assert.Equal(original.Select(n => (n.Onset, n.Pitch)), both.Select(n => (n.Onset, n.Pitch)));
    }

    [Fact]
    public void A_second_pass_allocates_nothing()
    {
        var input = Stream();
        var output = new HumanizedEvent[input.Length];
        using var duration = Net("refine-duration-openmsx", RefineNetKind.Duration);
        using var velocity = Net("refine-velocity-mixed", RefineNetKind.Velocity);
        var humanizer = new NoteHumanizer(duration, velocity);
        var first = Run(humanizer, input, output);
        // Rounds, not one pass: the runtime's own one-off allocation when a method tiers up (2,296 bytes in one clean-clone
        // CI run) is not the humanizer's; an allocation per pass shows in every round.
        var counts = new int[4];
        var rounds = ThreadAllocations.Measure(4, i => counts[i] = Run(humanizer, input, output));
        Assert.True(rounds.NoneInSteadyState, rounds.ToString());
        Assert.All(counts, n => Assert.Equal(first, n));
        Assert.Equal(input.Length, first);
    }
}

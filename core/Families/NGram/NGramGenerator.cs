using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The n-gram melody model's generator, for `generate`, `render` and the instrument alike: each step draws the next
/// pitch, then its duration (two separate distributions), then its velocity, and writes the note's start and end.
/// Times are beats on the encoding's step grid.
/// <para>
/// The model counts melodies moved to C major; <see cref="Reset"/> picks the key to play in from the corpus's keys by the seed's quantile
/// (a primer's own key replaces it). Music repeats itself, so at each phrase boundary (every
/// <see cref="NGramPhraseCounts.Beats"/> beats) the generator may replay, note for note, a window of as many beats
/// that starts on an earlier bar of what it wrote (the last <see cref="RememberedBars"/> bars), and then go on with
/// what followed that window (a section repeated), at the rates the corpus does (counted the same way, see
/// <c>NGramTrainer.CountPhrases</c>). Notes are cut at phrase boundaries so phrases start on them and replay exactly.
/// All state lives in fixed arrays: a step never allocates.
/// </para>
/// </summary>
public sealed class NGramGenerator : INoteGenerator
{
    /// <summary>How far back a replayed window may start, in bars of 4/4.</summary>
    public const int RememberedBars = 32;

    private readonly NGramNoteModel _model;
    private readonly MonophonicNoteEncoding _encoding;
    private readonly RandomSource _random = new(0);
    private readonly int[] _pitches;
    private readonly int[] _durations;
    private readonly long _phraseSteps;
    private readonly long _barSteps;
    private readonly double _startProbability;
    private readonly double _continueProbability;
    // What the generator wrote, oldest overwritten first: each event's onset step and (pitch, duration, velocity).
    private readonly long[] _onsets;
    private readonly int[] _events;
    private long _written;
    private long _firstOnset = -1;
    private int _pitchCount;
    private int _durationCount;
    private double _temperature = 1;
    private long _steps;
    private int _shift;
    private int _previousVelocity;
    private long _phraseStart;
    private long _phraseEnd;
    private long _replaySource = -1; // start step of the window being replayed, or −1
    private long _replayIndex; // next written event to replay

    public NGramGenerator(NGramNoteModel model, MonophonicNoteEncoding encoding)
    {
        if (model.Pitches.VocabularySize != encoding.PitchVocabularySize || model.Durations.VocabularySize != encoding.DurationCount)
            throw new EuterpeException($"n-gram model: {model.Pitches.VocabularySize} pitch and {model.Durations.VocabularySize} duration tokens do not match the encoding's {encoding.PitchVocabularySize} and {encoding.DurationCount}");
        _model = model;
        _encoding = encoding;
        _pitches = new int[Math.Max(1, model.Order - 1)];
        _durations = new int[Math.Max(1, model.Order - 1)];
        var beats = model.Phrases?.Beats ?? NGramPhraseCounts.DefaultBeats;
        _phraseSteps = (long)beats * encoding.StepsPerBeat;
        _barSteps = 4L * encoding.StepsPerBeat;
        _startProbability = model.Phrases?.StartProbability ?? 0;
        _continueProbability = model.Phrases?.ContinueProbability ?? 0;
        // Every event lasts at least the shortest duration: this holds the remembered bars, the window and the phrase written since.
        var capacity = _startProbability > 0 ? (int)Math.Min((RememberedBars * _barSteps + 2 * _phraseSteps) / encoding.DurationSteps[0] + 4, 1 << 20) : 0;
        _onsets = new long[capacity];
        _events = new int[capacity * 3];
    }

    public MonophonicNoteEncoding Encoding => _encoding;

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2;

    public double GridBeats => 1.0 / _encoding.StepsPerBeat;

    public double Time => _steps / (double)_encoding.StepsPerBeat;

    public int ConditioningCount => 0;

    /// <summary>The semitones (−5…+6) the model's C major is moved by: the key this melody plays in.</summary>
    public int Transposition => _shift;

    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        _pitchCount = _durationCount = 0;
        _steps = 0;
        _previousVelocity = 0;
        _shift = MelodyKey.ShiftFromC(_model.DrawTonic(SeedQuantile.Of(seed)));
        _written = 0;
        _firstOnset = -1;
        _phraseStart = 0;
        _phraseEnd = _phraseSteps;
        _replaySource = -1;
    }

    public void SetSampling(SamplingOptions options) => _temperature = options.Temperature;

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        if (_steps >= _phraseEnd) StartPhrase();
        int pitch, duration, velocity;
        if (!NextReplayed(out pitch, out duration, out velocity))
        {
            pitch = _model.DrawPitch(_pitches.AsSpan(0, _pitchCount), _temperature, _random);
            duration = FitPhrase(_model.DrawDuration(_durations.AsSpan(0, _durationCount), _temperature, _random));
            velocity = pitch == _encoding.RestPitchToken ? 0
                : _model.DrawVelocity(NGramNoteModel.Metric(_steps, _encoding.StepsPerBeat), duration, _previousVelocity, _temperature, _random, _encoding.Velocity);
        }
        Record(pitch, duration, velocity);
        Push(_pitches, ref _pitchCount, pitch);
        Push(_durations, ref _durationCount, duration);
        var start = Time;
        _steps += _encoding.DurationSteps[duration];
        if (pitch == _encoding.RestPitchToken) return 0;
        _previousVelocity = velocity;
        var midiPitch = _encoding.MinPitch + MelodyKey.Move(pitch, _shift, _encoding.PitchVocabularySize - 1);
        output[0] = new ModelNoteEvent(true, midiPitch, velocity, start);
        output[1] = new ModelNoteEvent(false, midiPitch, 0, Time);
        return 2;
    }

    /// <summary>A played note joins the pitch history, moved into the model's key (its duration is not known yet, so durations keep theirs).</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
        if (!isNoteOn || pitch < _encoding.MinPitch || pitch > _encoding.MaxPitch) return;
        Push(_pitches, ref _pitchCount, MelodyKey.Move(pitch - _encoding.MinPitch, -_shift, _encoding.PitchVocabularySize - 1));
        _previousVelocity = Math.Clamp(velocity, 1, 127);
    }

    /// <summary>
    /// Starts from a piece of music: the melody plays on in the primer's key; its melody (as the encoding hears it)
    /// becomes the pitch and duration history and moves the clock on, and its notes are added to
    /// <paramref name="heard"/> (so the output starts with the primer).
    /// </summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
        var tokens = _encoding.EncodePairs(primer);
        var notes = tokens.Where(t => t.PitchToken != _encoding.RestPitchToken).ToArray();
        if (notes.Length > 0)
            _shift = MelodyKey.ShiftFromC(MelodyKey.Tonic(
                [.. notes.Select(t => _encoding.MinPitch + t.PitchToken)], [.. notes.Select(t => _encoding.DurationSteps[t.DurationToken])]));
        foreach (var token in tokens)
        {
            var isRest = token.PitchToken == _encoding.RestPitchToken;
            Push(_pitches, ref _pitchCount, isRest ? token.PitchToken : MelodyKey.Move(token.PitchToken, -_shift, _encoding.PitchVocabularySize - 1));
            Push(_durations, ref _durationCount, token.DurationToken);
            var start = Time;
            _steps += _encoding.DurationSteps[token.DurationToken];
            if (isRest) continue;
            heard.Add(new ModelNoteEvent(true, _encoding.MinPitch + token.PitchToken, _encoding.Velocity, start));
            heard.Add(new ModelNoteEvent(false, _encoding.MinPitch + token.PitchToken, 0, Time));
        }
        // The primer is not remembered: windows come from what the model writes, from the next phrase boundary on.
        _phraseEnd = _steps;
    }

    public void Dispose()
    {
    }

    /// <summary>At a phrase boundary: go on replaying the section, start replaying an earlier window, or draw anew.</summary>
    private void StartPhrase()
    {
        var replayed = _replaySource;
        _replaySource = -1;
        _phraseStart = _steps;
        _phraseEnd = (_steps / _phraseSteps + 1) * _phraseSteps;
        // A phrase starting late (after a note longer than the room left, or a primer) draws anew.
        if (_onsets.Length == 0 || _steps % _phraseSteps != 0 || _firstOnset < 0) return;
        if (replayed >= 0 && _random.NextDouble() < _continueProbability)
        {
            Replay(replayed + _phraseSteps);
            return;
        }
        // Windows starting on a bar, inside what was written and remembered, ending by this phrase's start.
        var first = Math.Max(_firstOnset, _steps - RememberedBars * _barSteps);
        first = (first + _barSteps - 1) / _barSteps * _barSteps;
        var last = _steps - _phraseSteps;
        if (last < first || _random.NextDouble() >= _startProbability) return;
        Replay(first + _random.NextInt((int)((last - first) / _barSteps) + 1) * _barSteps);
    }

    private void Replay(long source)
    {
        _replaySource = source;
        var oldest = Math.Max(0, _written - _onsets.Length);
        for (_replayIndex = oldest; _replayIndex < _written && _onsets[_replayIndex % _onsets.Length] < source; _replayIndex++)
        {
        }
    }

    /// <summary>The next event of the window being replayed, or a rest up to it; false when not replaying (any more).</summary>
    private bool NextReplayed(out int pitch, out int duration, out int velocity)
    {
        pitch = duration = velocity = 0;
        if (_replaySource < 0) return false;
        var slot = (int)(_replayIndex % _onsets.Length);
        if (_replayIndex >= _written || _onsets[slot] >= _replaySource + _phraseSteps)
        {
            _replaySource = -1; // the window is done; the rest of the phrase (if any) is drawn
            return false;
        }
        var gap = _onsets[slot] - _replaySource - (_steps - _phraseStart);
        if (gap > 0)
        {
            // The window opens inside an earlier note: rest until its first onset.
            pitch = _encoding.RestPitchToken;
            duration = _encoding.LongestNotAbove(gap);
            return true;
        }
        pitch = _events[slot * 3];
        duration = FitPhrase(_events[slot * 3 + 1]);
        velocity = _events[slot * 3 + 2];
        _replayIndex++;
        return true;
    }

    private void Record(int pitch, int duration, int velocity)
    {
        if (_onsets.Length == 0) return;
        if (_firstOnset < 0) _firstOnset = _steps;
        var slot = (int)(_written % _onsets.Length);
        _onsets[slot] = _steps;
        _events[slot * 3] = pitch;
        _events[slot * 3 + 1] = duration;
        _events[slot * 3 + 2] = velocity;
        _written++;
    }

    /// <summary>When phrases repeat, a note that would cross the phrase's end is cut to the longest duration that fits.</summary>
    private int FitPhrase(int duration)
    {
        if (_onsets.Length == 0) return duration;
        var room = _phraseEnd - _steps;
        if (_encoding.DurationSteps[duration] <= room || _encoding.DurationSteps[0] > room) return duration;
        return _encoding.LongestNotAbove(room);
    }

    private static void Push(int[] history, ref int count, int token)
    {
        if (count == history.Length)
        {
            if (history.Length > 1) Array.Copy(history, 1, history, 0, history.Length - 1);
            history[^1] = token;
        }
        else history[count++] = token;
    }
}

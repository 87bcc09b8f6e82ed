using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The n-gram melody model's generator, for `generate`, `render` and the instrument alike: each step draws the next
/// pitch, then its duration (two separate distributions), then its velocity, and writes the note's start and end.
/// Times are beats on the encoding's step grid.
/// <para>
/// The model counts melodies moved to C major; <see cref="Reset"/> draws the key to play in from the corpus's keys
/// (a primer's own key replaces it). Music repeats itself, so at each phrase boundary (every
/// <see cref="NGramPhraseCounts.Beats"/> beats) the generator replays one of its last phrases, note for note, and goes
/// on with the phrase that followed it (a section repeated), at the rates the corpus does; notes are cut at phrase
/// boundaries so phrases start on them and replay exactly.
/// All state lives in fixed arrays: a step never allocates.
/// </para>
/// </summary>
public sealed class NGramGenerator : INoteGenerator
{
    private const int RememberedPhrases = 8;

    private readonly NGramNoteModel _model;
    private readonly MonophonicNoteEncoding _encoding;
    private readonly RandomSource _random = new(0);
    private readonly int[] _pitches;
    private readonly int[] _durations;
    private readonly long _phraseSteps;
    private readonly double _startProbability;
    private readonly double _continueProbability;
    // Remembered phrases: per phrase, its events as (pitch token, duration token, velocity).
    private readonly int[][] _phraseEvents;
    private readonly int[] _phraseLengths = new int[RememberedPhrases + 1];
    private int _pitchCount;
    private int _durationCount;
    private double _temperature = 1;
    private long _steps;
    private int _shift;
    private int _previousVelocity;
    private long _phraseEnd;
    private int _phraseCount; // complete phrases remembered (at most RememberedPhrases)
    private int _recording; // slot being recorded, or −1 while replaying or when the phrase started late
    private int _replaying = -1; // slot being replayed, or −1
    private int _replayPosition;

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
        _startProbability = model.Phrases?.StartProbability ?? 0;
        _continueProbability = model.Phrases?.ContinueProbability ?? 0;
        // One more slot than remembered: the phrase being recorded.
        var capacity = _startProbability > 0 ? (int)Math.Min(_phraseSteps / encoding.DurationSteps[0] + 1, 1 << 16) : 0;
        _phraseEvents = new int[RememberedPhrases + 1][];
        for (var i = 0; i < _phraseEvents.Length; i++) _phraseEvents[i] = new int[capacity * 3];
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
        _shift = MelodyKey.ShiftFromC(_model.DrawTonic(_random));
        _phraseEnd = _phraseSteps;
        _phraseCount = 0;
        _recording = 0;
        _phraseLengths[0] = 0;
        _replaying = -1;
    }

    public void SetSampling(SamplingOptions options) => _temperature = options.Temperature;

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        if (_steps >= _phraseEnd) StartPhrase();
        int pitch, duration, velocity;
        if (_replaying >= 0 && _replayPosition < _phraseLengths[_replaying])
        {
            var events = _phraseEvents[_replaying];
            pitch = events[_replayPosition * 3];
            duration = events[_replayPosition * 3 + 1];
            velocity = events[_replayPosition * 3 + 2];
            _replayPosition++;
        }
        else
        {
            pitch = _model.DrawPitch(_pitches.AsSpan(0, _pitchCount), _temperature, _random);
            duration = FitPhrase(_model.DrawDuration(_durations.AsSpan(0, _durationCount), _temperature, _random));
            velocity = pitch == _encoding.RestPitchToken ? 0
                : _model.DrawVelocity(NGramNoteModel.Metric(_steps, _encoding.StepsPerBeat), duration, _previousVelocity, _temperature, _random, _encoding.Velocity);
            Record(pitch, duration, velocity);
        }
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
        // The primer's phrase is not remembered: phrases count from the first one the model writes.
        _phraseEnd = _steps;
        _recording = -1;
    }

    public void Dispose()
    {
    }

    /// <summary>Remembers the phrase just ended (when recorded whole), then goes on replaying, starts a replay or records a new phrase.</summary>
    private void StartPhrase()
    {
        if (_recording >= 0 && _phraseLengths[_recording] > 0 && _phraseEvents[0].Length > 0)
        {
            // Oldest out: slots 0…count−1 stay in age order, the recording slot is always `count`.
            if (_phraseCount == RememberedPhrases)
            {
                var oldest = _phraseEvents[0];
                var oldestLength = _phraseLengths[0];
                Array.Copy(_phraseEvents, 1, _phraseEvents, 0, RememberedPhrases);
                Array.Copy(_phraseLengths, 1, _phraseLengths, 0, RememberedPhrases);
                _phraseEvents[RememberedPhrases] = oldest;
                _phraseLengths[RememberedPhrases] = oldestLength;
            }
            else _phraseCount++;
        }
        // A phrase starting late (after a note longer than the room left, or a primer) is neither replayed over nor kept.
        var onBoundary = _steps % _phraseSteps == 0;
        _phraseEnd = (_steps / _phraseSteps + 1) * _phraseSteps;
        var replayed = _replaying;
        _replaying = -1;
        _recording = -1;
        if (!onBoundary || _phraseEvents[0].Length == 0) return;
        if (replayed >= 0 && replayed + 1 < _phraseCount && _random.NextDouble() < _continueProbability)
        {
            _replaying = replayed + 1;
            _replayPosition = 0;
            return;
        }
        if (_phraseCount > 0 && _random.NextDouble() < _startProbability)
        {
            _replaying = _random.NextInt(_phraseCount);
            _replayPosition = 0;
            return;
        }
        _recording = _phraseCount;
        _phraseLengths[_recording] = 0;
    }

    private void Record(int pitch, int duration, int velocity)
    {
        if (_recording < 0) return;
        var events = _phraseEvents[_recording];
        var n = _phraseLengths[_recording];
        if ((n + 1) * 3 > events.Length)
        {
            _recording = -1; // cannot happen on the grid; never replay a phrase kept in part
            return;
        }
        events[n * 3] = pitch;
        events[n * 3 + 1] = duration;
        events[n * 3 + 2] = velocity;
        _phraseLengths[_recording] = n + 1;
    }

    /// <summary>When phrases repeat, a note that would cross the phrase's end is cut to the longest duration that fits.</summary>
    private int FitPhrase(int duration)
    {
        if (_startProbability <= 0) return duration;
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

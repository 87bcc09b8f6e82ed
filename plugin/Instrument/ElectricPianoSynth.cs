namespace Euterpe.Plugin.Instrument;

/// <summary>
/// Polyphonic electric-piano synth voicing note events: a fixed pool of <see cref="PianoVoice"/>s
/// allocated once; the oldest voice is stolen when all are busy. Notes on the drum channel (10, the multi-track GAN's
/// drum track or a player's drum pads) are not piano notes: they go to a pool of short one-shot <see cref="DrumVoice"/>s
/// (note-offs leave them to die away). Rendering never allocates.
/// </summary>
public sealed class ElectricPianoSynth
{
    public const int VoiceCount = 32;
    public const int DrumVoiceCount = 16;
    public const int DrumChannel = 9;

    private readonly PianoVoice[] _voices = new PianoVoice[VoiceCount];
    private readonly DrumVoice[] _drums = new DrumVoice[DrumVoiceCount];
    private double _sampleRate = 48000;
    private long _started;

    public double SampleRate => _sampleRate;

    public int ActiveVoices
    {
        get
        {
            var count = 0;
            foreach (ref readonly var voice in _voices.AsSpan())
                if (voice.IsActive) count++;
            return count;
        }
    }

    /// <summary>Drum hits still ringing.</summary>
    public int ActiveDrums
    {
        get
        {
            var count = 0;
            foreach (ref readonly var drum in _drums.AsSpan())
                if (drum.IsActive) count++;
            return count;
        }
    }

    public void SetSampleRate(double sampleRate)
    {
        _sampleRate = sampleRate;
        Reset();
    }

    public void Reset()
    {
        foreach (ref var voice in _voices.AsSpan()) voice.Kill();
        foreach (ref var drum in _drums.AsSpan()) drum.Kill();
    }

    public void NoteOn(int pitch, float velocity, int channel = 0, int noteId = -1, float tuningCents = 0)
    {
        if ((uint)pitch > 127) return;
        // Velocity 0 is a note-off by MIDI convention.
        if (velocity <= 0f)
        {
            NoteOff(pitch, channel, noteId);
            return;
        }
        if (channel == DrumChannel)
        {
            _drums[PickDrum()].Start(pitch, velocity, ++_started, _sampleRate);
            return;
        }
        ref var voice = ref _voices[PickVoice()];
        voice.Start(pitch, tuningCents, velocity, channel, noteId, ++_started, _sampleRate);
    }

    public void NoteOff(int pitch, int channel = 0, int noteId = -1)
    {
        if (channel == DrumChannel) return;
        foreach (ref var voice in _voices.AsSpan())
        {
            if (!voice.IsActive || voice.IsReleasing) continue;
            var matches = noteId != -1 && voice.NoteId != -1
                ? voice.NoteId == noteId
                : voice.Pitch == pitch && voice.Channel == channel;
            if (matches) voice.Release();
        }
    }

    public void AllNotesOff()
    {
        foreach (ref var voice in _voices.AsSpan()) voice.Release();
    }

    /// <summary>Adds (not overwrites) the synth's output into left/right for left.Length samples.</summary>
    public void RenderAdd(Span<float> left, Span<float> right)
    {
        foreach (ref var voice in _voices.AsSpan())
        {
            if (!voice.IsActive) continue;
            var panLeft = voice.PanLeft;
            var panRight = voice.PanRight;
            for (var i = 0; i < left.Length && voice.IsActive; i++)
            {
                var sample = voice.Next();
                left[i] += sample * panLeft;
                right[i] += sample * panRight;
            }
        }
        foreach (ref var drum in _drums.AsSpan())
        {
            // Drums in the middle, at −3 dB a side.
            for (var i = 0; i < left.Length && drum.IsActive; i++)
            {
                var sample = drum.Next() * 0.7071f;
                left[i] += sample;
                right[i] += sample;
            }
        }
    }

    private int PickVoice()
    {
        var oldest = 0;
        for (var i = 0; i < _voices.Length; i++)
        {
            if (!_voices[i].IsActive) return i;
            if (_voices[i].Age < _voices[oldest].Age) oldest = i;
        }
        return oldest;
    }

    private int PickDrum()
    {
        var oldest = 0;
        for (var i = 0; i < _drums.Length; i++)
        {
            if (!_drums[i].IsActive) return i;
            if (_drums[i].Age < _drums[oldest].Age) oldest = i;
        }
        return oldest;
    }
}

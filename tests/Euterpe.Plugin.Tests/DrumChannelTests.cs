using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests;

/// <summary>
/// Notes on MIDI channel 10 (9 counted from 0: General MIDI's drums, the multi-track GAN's drum track) are voiced as
/// short one-shot drum hits, not piano notes: no piano voice starts, a hit dies away by itself with no note-off, a
/// closed hi-hat is gone long before a piano note of the same key, and a note-off does not cut a crash short.
/// </summary>
public class DrumChannelTests
{
    private const short DrumChannel = 9;
    private const int Rate = 48000;

    private static (List<float> Left, ElectricPianoSynth Synth, InstrumentHost Host) Play(short key, short channel, int frames, int? offAt = null)
    {
        var host = new InstrumentHost(Rate, 480);
        var left = new List<float>();
        var right = new List<float>();
        host.InputEvents.Add(Vst3Event.NoteOnAt(0, key, 0.9f, channel));
        if (offAt is { } off)
        {
            host.Render(off, 480, left, right);
            host.InputEvents.Add(Vst3Event.NoteOffAt(0, key, channel: channel));
            host.Render(frames - off, 480, left, right);
        }
        else host.Render(frames, 480, left, right);
        return (left, ComObject.From<Instrument.Euterpe>(host.Component).Synth, host);
    }

    [Fact]
    public void A_drum_note_starts_a_drum_hit_not_a_piano_voice_and_dies_away_without_a_note_off()
    {
        var (left, synth, host) = Play(38, DrumChannel, Rate / 10);
        using (host)
        {
            Assert.Equal((0, 1), (synth.ActiveVoices, synth.ActiveDrums));
            Assert.True(Signal.Peak(left, 0, 4800) > 0.02f, "the snare is silent");
            // Never released: it still ends by itself, to exact silence.
            host.Render((int)(DrumVoice.MaxSeconds * Rate), 480, left, []);
            Assert.Equal(0, synth.ActiveDrums);
            Assert.Equal(0f, Signal.Peak(left, left.Count - 4800, 4800));
        }
    }

    [Fact]
    public void A_closed_hi_hat_is_short_where_a_piano_note_of_its_key_still_sounds()
    {
        var (hat, _, hatHost) = Play(42, DrumChannel, Rate / 2);
        var (piano, pianoSynth, pianoHost) = Play(42, 0, Rate / 2);
        using (hatHost)
        using (pianoHost)
        {
            Assert.Equal(1, pianoSynth.ActiveVoices);
            var hatAttack = Signal.Rms(hat, 0, 480);
            Assert.True(hatAttack > 0.01, $"hat RMS {hatAttack}");
            // 0.3–0.4 s after the hit: the hat (45 ms decay) is down by far more than 40 dB, the held piano note is not.
            Assert.True(Signal.Rms(hat, 14400, 4800) < hatAttack * 0.01, $"hat RMS {Signal.Rms(hat, 14400, 4800)} of {hatAttack}");
            Assert.True(Signal.Rms(piano, 14400, 4800) > Signal.Rms(piano, 0, 480) * 0.1, "the piano note died as fast as the hat");
        }
    }

    [Fact]
    public void A_note_off_leaves_a_crash_ringing()
    {
        var (cut, _, cutHost) = Play(49, DrumChannel, Rate, offAt: 960);
        var (rung, _, rungHost) = Play(49, DrumChannel, Rate);
        using (cutHost)
        using (rungHost)
            Assert.Equal(rung, cut);
    }
}

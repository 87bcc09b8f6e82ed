using Euterpe.Plugin.Generation;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The audio thread's side of audio mode against a hand-driven link (this test plays the worker): a start from stop
/// plays the stream as it is; a restart while playing fades the old stream's next 5 ms out and the new stream in; a
/// fade-out never takes the new stream's samples; a stop fades out too. Read in 128-sample chunks, as the instrument does.
/// </summary>
public class AudioStreamPlaybackTests
{
    private const int Rate = 48000, Fade = 240, Block = 512, Chunk = 128;

    private static (GenerationLink Link, AudioStreamPlayback Playback) Start()
    {
        var link = new GenerationLink { SampleRate = Rate, AudioMode = true, Playing = true };
        return (link, new AudioStreamPlayback(link, Chunk));
    }

    private static void Publish(GenerationLink link, float value, int count)
    {
        link.PublishAudioEpoch(link.Epoch, link.Audio.WritePosition);
        Write(link, value, count);
    }

    private static void Write(GenerationLink link, float value, int count) => link.Audio.Write(Enumerable.Repeat(value, count).ToArray());

    private static float[] Play(AudioStreamPlayback playback, bool wait = false)
    {
        var left = new float[Block];
        var right = new float[Block];
        playback.Begin(Block, wait);
        for (var at = 0; at < Block; at += Chunk) playback.ReadAdd(left.AsSpan(at, Chunk), right.AsSpan(at, Chunk));
        Assert.Equal(left, right);
        return left;
    }

    private static float Out(int i) => 1 - (float)(i + 1) / Fade;  // fade-out weight of the i-th sample
    private static float In(int i) => 1 - (float)(Fade - i) / Fade; // fade-in weight of the i-th sample

    [Fact]
    public void A_start_plays_the_stream_as_it_is_and_a_restart_fades_out_then_in()
    {
        var (link, playback) = Start();
        Publish(link, 0.5f, 4000);
        Assert.All(Play(playback), s => Assert.Equal(0.5f, s));

        // A jump: the worker has not started the new stream yet, so the old one fades out over 5 ms, then silence.
        link.BumpEpoch();
        var block = Play(playback);
        for (var i = 0; i < Block; i++) Assert.Equal(i < Fade ? 0.5f * Out(i) : 0f, block[i]);
        Assert.All(Play(playback), s => Assert.Equal(0f, s));

        // The new stream fades in from nothing.
        Publish(link, 0.25f, 4000);
        block = Play(playback);
        for (var i = 0; i < Block; i++) Assert.Equal(i < Fade ? 0.25f * In(i) : 0.25f, block[i]);
        Assert.Equal(0, playback.Underruns);
    }

    [Fact]
    public void Offline_a_restart_crossfades_and_the_fade_out_stops_where_the_new_stream_starts()
    {
        var (link, playback) = Start();
        Publish(link, 0.5f, Block + 100); // after one block only 100 old samples are left
        Play(playback, wait: true);
        link.BumpEpoch();
        Publish(link, 0.25f, 4000);
        var block = Play(playback, wait: true);
        for (var i = 0; i < Block; i++)
        {
            var expected = (i < Fade ? 0.25f * In(i) : 0.25f) + (i < 100 ? 0.5f * Out(i) : 0f);
            Assert.Equal(expected, block[i], 6);
        }
    }

    [Fact]
    public void A_stop_fades_out_and_a_start_from_stop_does_not_fade_in()
    {
        var (link, playback) = Start();
        Publish(link, 0.5f, 4000);
        Play(playback);
        link.Playing = false;
        var block = Play(playback);
        for (var i = 0; i < Block; i++) Assert.Equal(i < Fade ? 0.5f * Out(i) : 0f, block[i]);
        Assert.All(Play(playback), s => Assert.Equal(0f, s));

        link.Playing = true;
        link.BumpEpoch();
        Play(playback); // the transport plays again; the worker has not restarted yet
        Publish(link, 0.25f, 4000);
        block = Play(playback);
        // Playing already in the block before, so this new stream fades in; from a stopped transport it would not.
        Assert.Equal(0.25f * In(0), block[0]);

        var (link2, playback2) = Start();
        link2.Playing = false;
        Play(playback2);
        link2.Playing = true;
        Publish(link2, 0.25f, 4000);
        Assert.Equal(0.25f, Play(playback2)[0]);
    }
}

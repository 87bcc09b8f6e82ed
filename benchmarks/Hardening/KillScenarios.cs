using Euterpe.TestSupport.Mutants;

namespace Euterpe.Hardening;

/// <summary>
/// SIGKILL during a write (<c>render</c>, <c>generate</c> of WAV and MIDI, <c>data prepare</c>), then the same command
/// again into the same folder: the runner checks what the kill left and what the next write cleaned up.
/// </summary>
internal static class KillScenarios
{
    public static IEnumerable<RunPlan> Plan(Workspace w)
    {
        // Sized to outlast the kill delays (up to 1.5 s after start) here: all the OpenMSX songs twice over, 16 s of audio, 5 minutes of MIDI.
        var songs = Workspace.Seeds(Workspace.OpenMsx, "*.mid", 64);
        var index = 0;
        foreach (var kill in KillMutants.Create(w.Options.Seed, w.Options.Limit))
        {
            var folder = w.NewFolder("kill", index++, kill.Name);
            var data = Path.Combine(folder, "data");
            Directory.CreateDirectory(data);
            foreach (var song in songs)
            {
                File.Copy(song, Path.Combine(data, Path.GetFileName(song)));
                File.Copy(song, Path.Combine(data, "again-" + Path.GetFileName(song)));
            }
            var inputs = Directory.GetFiles(data);
            var (arguments, output) = kill.Target switch
            {
                KillTarget.Render => (new[] { "render", "--plugin", w.Bundle, "--preset", w.Preset("event-rnn-openmsx"), "--midi-in", inputs[0], "--seconds", "8",
                    "--out", Path.Combine(folder, "out.wav"), "--midi-out", Path.Combine(folder, "out.mid"), "--quiet" }, Path.Combine(folder, "out.wav")),
                KillTarget.GenerateWav => (["generate", w.Preset("fft-lstm-bilinear-openmsx"), "--seconds", "16", "--out", Path.Combine(folder, "out.wav"), "--seed", "1"], Path.Combine(folder, "out.wav")),
                KillTarget.GenerateMidi => (["generate", w.Preset("event-rnn-openmsx"), "--seconds", "300", "--out", Path.Combine(folder, "out.mid"), "--seed", "1"], Path.Combine(folder, "out.mid")),
                _ => (["data", "prepare", "--data", data, "--encoding", "performance", "--out", Path.Combine(folder, "cache"), "--validation-fraction", "0.25"], Path.Combine(folder, "cache")),
            };
            yield return new RunPlan("kill", kill.Name, kill.Target.ToString(), arguments, Expectation.Good, folder, inputs, output, [output])
                { KillAfter = TimeSpan.FromMilliseconds(kill.DelayMilliseconds) };
        }
    }
}

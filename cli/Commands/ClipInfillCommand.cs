using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Families.Pix2Pix;
using Euterpe.Core.Generation;
using Euterpe.Core.IO;
using Euterpe.Core.Midi;
using Euterpe.Core.Presets;

namespace Euterpe.Cli.Commands;

/// <summary>
/// <c>euterpe generate PRESET --infill CLIP.mid [--bars A-B] --out X.mid [--threshold T]</c>: a pix2pix preset fills a
/// clip (<see cref="Pix2PixFamily.Infill"/>). Other families refuse --infill and --bars; a pix2pix preset refuses to be
/// asked for --seconds of music without a clip, and every option that does not steer a fill.
/// </summary>
internal static class ClipInfillCommand
{
    public static int Run(ParseResult result, Preset preset, ModelFamily family, string? clip, string? bars, Option threshold, string output)
    {
        if (family is not Pix2PixFamily pix2pix)
            throw new EuterpeException(clip is null
                ? $"--bars: needs --infill CLIP.mid, and a pix2pix preset (the {preset.Family} family does not fill clips)"
                : $"--infill: the {preset.Family} family does not fill clips (the pix2pix family does)");
        if (clip is null)
        {
            pix2pix.GenerateNotes(preset, new GenerationRequest()); // throws the family's own line
            return 2;
        }
        string[] used = ["--out", "--infill", "--bars", "--threshold"];
        foreach (var option in result.CommandResult.Command.Options)
            if (!used.Contains(option.Name) && result.GetResult(option) is { Implicit: false })
                throw new EuterpeException($"{option.Name}: not used with --infill (a fill takes {string.Join(", ", used[1..])})");
        var extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension is not (".mid" or ".midi")) throw new EuterpeException($"{output}: a filled clip is written as MIDI: name a .mid file");
        var range = bars is null ? ((int, int)?)null : ParseBars(bars);
        var filled = pix2pix.Infill(preset, clip, range, result.GetValue((Option<double?>)threshold), out var added);
        MidiFileWriter.Write(filled, output);
        result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {filled.Notes.Count} notes ({added} filled{(range is var (a, b) ? $" in bars {a}-{b}" : "")}), {filled.TotalSeconds:0.0} s ({preset.Id}, {preset.Family})"));
        return 0;
    }

    /// <summary>"A-B" or "A" as 1-based bars; one error line otherwise (the range is checked against the clip later).</summary>
    public static (int First, int Last) ParseBars(string text)
    {
        var parts = text.Split('-');
        if (parts.Length is 1 or 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var last = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (first >= 1 && last >= first) return (first, last);
        }
        throw new EuterpeException($"--bars {text}: must be A-B with 1 ≤ A ≤ B (bars counted from 1), or one bar A");
    }
}

using System.CommandLine;
using System.Globalization;
using Euterpe.Core;
using Euterpe.Core.Evaluation;

namespace Euterpe.Cli.Commands;

/// <summary><c>euterpe midi ssm IN --out OUT.png</c>: the self-similarity matrix of a piece as a grayscale image.</summary>
public static class MidiSsmCommand
{
    public static Command Create()
    {
        var input = MusicInput.FileArgument();
        var tune = MusicInput.TuneOption();
        var output = new Option<string>("--out") { HelpName = "OUT", Description = "Image to write: PNG (.png) or binary PGM (.pgm).", Required = true };
        var window = new Option<double?>("--window") { HelpName = "BEATS", Description = "Compare windows of BEATS quarter notes from the start instead of bars." };
        var cell = new Option<int>("--cell") { HelpName = "PIXELS", Description = "Pixels per side of a cell (fewer when the image would pass 4096 pixels a side).", DefaultValueFactory = _ => 4 };
        var command = new Command("ssm",
            "Draw the self-similarity matrix of a piece: cut into bars (from its time signatures, 4/4 without any) or --window beats, each a " +
            "pitch-class vector weighted by how long each pitch class sounds in it (drums left out), cell (i, j) the cosine similarity of " +
            "segments i and j: white 1 (same harmony), black 0; row 0 at the top. Repeated sections show as bright off-diagonal stripes.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { output, tune, window, cell }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var inPath = result.GetValue(input)!;
            var outPath = result.GetValue(output)!;
            OutputFile.CheckDistinct([inPath], outPath);
            var extension = Path.GetExtension(outPath).ToLowerInvariant();
            if (extension is not (".png" or ".pgm")) throw new EuterpeException($"{outPath}: unknown image type (use .png or .pgm)");
            var beats = result.GetValue(window);
            if (beats is { } b && !(b > 0 && double.IsFinite(b))) throw new EuterpeException(string.Create(CultureInfo.InvariantCulture, $"--window {b}: must be a positive number of beats"));
            var cellPixels = result.GetValue(cell);
            if (cellPixels < 1) throw new EuterpeException($"--cell {cellPixels}: a cell needs at least one pixel");

            var piece = MusicInput.Load(inPath, result.GetValue(tune));
            if (piece.Notes.Count == 0) throw new EuterpeException($"{inPath}: no notes to compare");
            var matrix = beats is { } w ? SelfSimilarityMatrix.PerWindow(piece, w) : SelfSimilarityMatrix.PerBar(piece);
            var image = matrix.ToImage(cellPixels);
            OutputFile.Write(outPath, () => image.Save(outPath));
            var segments = beats is { } length ? string.Create(CultureInfo.InvariantCulture, $"windows of {length} beats") : "bars";
            result.InvocationConfiguration.Output.WriteLine($"wrote {outPath}: {matrix.Size}×{matrix.Size} {segments}, {image.Width}×{image.Height} pixels");
            return 0;
        });
        return command;
    }
}

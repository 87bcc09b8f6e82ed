using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Training.Data;

namespace Euterpe.Training.Tests.Data;

/// <summary>
/// A piano-roll cache of three OpenMSX songs: split by file, the 3/4 song skipped with its reason, and every clip read
/// back from the shards (a clip at a time) is the clip the encoding makes of its song; NumPy reads the shards too.
/// </summary>
public sealed class PianoRollCacheTests : IDisposable
{
    private readonly TempFolder _folder = new("euterpe-pianoroll-cache-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_clip_read_back_from_the_shards_is_the_encodings_clip_of_its_song()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("music");
        Directory.CreateDirectory(music);
        string[] songs = ["boogi_marabi_redfarn.mid", "chemistry_lab.mid", "coconut_run2.mid", "say_what_redfarn.mid"];
        foreach (var song in songs) File.Copy(Path.Combine(Corpora.OpenMsx, song), Path.Combine(music, song));
        var cache = _folder.Path("cache");
        var manifest = PianoRollCache.Prepare(music, 0.34, 2, cache);

        var skipped = Assert.Single(manifest.Skipped);
        Assert.Equal(new SkippedFile("boogi_marabi_redfarn.mid", "time signature 3/4, not 4/4"), skipped);
        Assert.Equal("boogi_marabi_redfarn.mid: time signature 3/4, not 4/4\n", File.ReadAllText(Path.Combine(cache, "skipped.txt")));
        Assert.Equal(3, manifest.Files.Count);
        Assert.Contains(manifest.Files, f => f.Split == "validation");
        Assert.Contains(manifest.Files, f => f.Split == "train");

        var (opened, train, validation) = PianoRollCache.Open(cache);
        using (train)
        using (validation)
        {
            Assert.Equal(manifest.Files.Where(f => f.Split == "train").Sum(f => f.Clips), train.Count);
            var read = new byte[PianoRollEncoding.CellsPerClip];
            var next = new Dictionary<string, int> { ["train"] = 0, ["validation"] = 0 };
            foreach (var file in opened.Files)
            {
                var expected = PianoRollEncoding.Clips(MusicFiles.Load(Path.Combine(music, file.Path))[0].Sequence);
                Assert.Equal(expected.Count, file.Clips);
                var split = file.Split == "train" ? train : validation;
                foreach (var clip in expected)
                {
                    split.Read(next[file.Split]++, read);
                    Assert.True(clip.AsSpan().SequenceEqual(read), $"{file.Path}: clip {next[file.Split] - 1} differs");
                }
            }
        }

        // NumPy reads the shards as (clips, 384, 128) uint8.
        var shard = Path.Combine(cache, manifest.Train[0].FileName);
        var shape = PythonRunner.RunCode("import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, int(a.max()))", shard).Trim();
        Assert.Matches($@"^uint8 \({manifest.Train[0].Clips}, 384, 128\) \d+$", shape);
    }

    [Fact]
    public void A_folder_with_no_clip_is_refused_and_nothing_is_written()
    {
        Corpora.RequireOpenMsx();
        var music = _folder.Path("waltz");
        Directory.CreateDirectory(music);
        File.Copy(Path.Combine(Corpora.OpenMsx, "boogi_marabi_redfarn.mid"), Path.Combine(music, "boogi.mid"));
        var cache = _folder.Path("cache");
        var e = Assert.Throws<EuterpeException>(() => PianoRollCache.Prepare(music, 0.1, 0, cache));
        Assert.Equal($"{music}: no piano-roll clip in any file, 1 skipped (boogi.mid: time signature 3/4, not 4/4)", e.Message);
        Assert.False(Directory.Exists(cache));
    }
}

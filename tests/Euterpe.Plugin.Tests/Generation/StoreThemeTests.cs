using System.Diagnostics;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>
/// The Store Theme trigger with the shipped SeqAE: each press (a rising edge) reaches the worker once, which stores
/// the code it is generating as the theme; holding the trigger or letting it go stores nothing more.
/// </summary>
public class StoreThemeTests
{
    [Fact]
    public void Each_press_stores_the_theme_once()
    {
        using var host = GenerationTests.Start(out var driver, seed: 2, id: TestPresets.ShippedSeqAeId);
        driver.Run(1);
        var before = driver.Link.ThemeStoresDone;
        void Press()
        {
            driver.Set(ParameterId.StoreTheme, 1);
            driver.Run(0.5);
            driver.Set(ParameterId.StoreTheme, 0);
            driver.Run(0.5);
        }
        Press();
        Press();
        var clock = Stopwatch.StartNew();
        while (driver.Link.ThemeStoresDone < before + 2 && clock.Elapsed.TotalSeconds < 10) driver.Run(0.1);
        driver.Run(1);
        Assert.Equal(before + 2, driver.Link.ThemeStoresDone);
        Assert.True(driver.TotalNoteOns > 0, "the seq-ae played nothing");
    }
}

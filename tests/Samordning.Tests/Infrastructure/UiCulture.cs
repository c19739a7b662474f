using System.Globalization;

namespace Samordning.Tests.Infrastructure;

// Sets the current UI culture for the length of a using block and restores it, so a test's language choice
// never leaks into the next test on the same thread.
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    private UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static UiCulture Use(string name) => new(name);

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}

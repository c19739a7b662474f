using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Samordning.Benchmarks.Scenarios.PublicPages;

// The floor of a public page: the page's own bytes, rendered once before measuring, served as a static file by the
// host's own UseStaticFiles. The folder joins the web root ahead of the host's pipeline, so a floor request walks
// the same middleware as the page up to the static files (forwarded headers, localization, error handling,
// security headers) and stops there, as a file the server never has to compute would.
internal sealed class StaticFileFloor : IStartupFilter, IDisposable
{
    public const string Path = "/benchmark-floor/public";

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"samordning-bench-floor-{Guid.NewGuid():N}");

    public StaticFileFloor() => Directory.CreateDirectory(System.IO.Path.Combine(Folder, Path.TrimStart('/')));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        environment.WebRootFileProvider = new CompositeFileProvider(environment.WebRootFileProvider, new PhysicalFileProvider(Folder));
        next(app);
    };

    // Writes a page's bytes as the file the floor serves; returns its address.
    public async Task<string> WriteAsync(string name, byte[] body, CancellationToken cancellationToken)
    {
        await File.WriteAllBytesAsync(System.IO.Path.Combine(Folder, Path.TrimStart('/'), name), body, cancellationToken);
        return $"{Path}/{name}";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a finished run for.
        }
    }
}

using System.Reflection;

namespace Samordning.EndToEnd.Infrastructure;

// Where the repository and the built host are, seen from the test assembly's output folder.
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string HostProject => Path.Combine(Root, "host", "Samordning.Host");

    // The host built in the same configuration as these tests; the project reference builds it first.
    public static string HostAssembly => Path.Combine(HostProject, "bin", Configuration, "net10.0", "Samordning.Host.dll");

    public static string AxeScript => Path.Combine(Root, "node_modules", "axe-core", "axe.min.js");

    private static string Configuration =>
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Samordning.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains Samordning.sln.");
    }
}

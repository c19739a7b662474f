using System.Net;
using System.Net.Sockets;

namespace Samordning.Tests.Infrastructure;

// Where the repository is, and a loopback port nothing listens on: for tests that start processes of their own.
internal static class TestMachine
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Samordning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Samordning.sln) was not found above the test output.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

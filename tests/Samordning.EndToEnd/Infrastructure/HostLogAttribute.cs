using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

namespace Samordning.EndToEnd.Infrastructure;

// Adds what the host logged while a test ran to that test's output, so a failure that the browser shows only
// as "timed out" or an error page comes with the server's side of the story. Tests run in parallel, so the
// lines of another test running at the same time may be among them.
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class HostLogAttribute : BeforeAfterTestAttribute
{
    private const int MaxLines = 300;

    private static readonly ConcurrentDictionary<string, int> Starts = new();

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (EndToEndFixture.Running?.Host is { } host)
        {
            Starts[test.UniqueID] = host.LineCount;
        }
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (!Starts.TryRemove(test.UniqueID, out var start) || EndToEndFixture.Running?.Host is not { } host
            || TestContext.Current.TestOutputHelper is not { } output)
        {
            return;
        }

        var lines = host.LinesFrom(start);
        output.WriteLine($"Host log during this test ({lines.Count} lines{(lines.Count > MaxLines ? $", last {MaxLines}" : "")}):");
        foreach (var line in lines.TakeLast(MaxLines))
        {
            output.WriteLine(line);
        }
    }
}

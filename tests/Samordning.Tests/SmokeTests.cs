using Samordning.Shared.Text;

namespace Samordning.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void IsValid_KnownTestNumber_True() => Assert.True(OrganisationNumber.IsValid("974760673"));
}

namespace Samordning.Ministries.Seed;

// Modules:Ministries
internal sealed class MinistriesOptions
{
    public const string Section = "Modules:Ministries";

    // Seed the ministries and agencies of 2019 into an empty registry.
    public bool SeedReferenceData { get; init; } = true;

    // People added when missing (by e-mail); the embedded default lists the demo accounts here.
    public List<DemoPerson> DemoPeople { get; init; } = [];
}

internal sealed class DemoPerson
{
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string? Title { get; init; }
    public string? Ministry { get; init; }
    public List<string> Roles { get; init; } = [];
}

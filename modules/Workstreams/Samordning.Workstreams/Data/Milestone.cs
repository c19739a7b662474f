namespace Samordning.Workstreams.Data;

// A step of the white paper's process the KMD team curates for the public process page (/prosess): a day, a title and
// a description in Bokmål and English (Nynorsk where it differs), shown to the public only once published.
internal sealed class Milestone : IVersioned, IAudited, IPublicContent
{
    public bool IsPublicContent => Published;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TitleNb { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleNn { get; set; }
    public DateOnly Date { get; set; }
    public string? DescriptionNb { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionNn { get; set; }
    public bool Published { get; set; }

    // The coordinators' order; milestones of the same day are shown in it on the timeline.
    public int Position { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// The tag filter of the dashboard and the initiative list: the field's name (also its id), its value and the tags in use.
internal sealed record TagFilterField(string Name, string? Value, IReadOnlyList<string> Choices);

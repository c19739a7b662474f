namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

// "Confirmed 12 days ago", with the exact time (Oslo) beside it.
internal sealed record StatusAgeView(DateTimeOffset ConfirmedAt, DateTimeOffset Now);

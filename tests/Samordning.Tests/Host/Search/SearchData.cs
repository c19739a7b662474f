using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Host.Search;
using Samordning.Meetings.Data;
using Samordning.Ministries.Contracts;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Contracts;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Host.Search;

// Rows for the search tests, written through each module's own DbContext (so every save computes the search index
// as any slice's save does), each carrying a marker word no other test's rows have, and the search as people call it.
internal sealed class SearchData(SamordningFactory factory)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Letters the stemmer leaves alone at the end (no vowel, no s): the marker is its own stem.
    public static string Marker() =>
        "zq" + string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => "bcdfghjklmnpqrtvwxz"[b % 19])) + "q";

    public async Task<MinistryInfo> MinistryAsync(string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().GetMinistriesAsync(Ct)).Single(m => m.Code == code);
    }

    public async Task<WorkstreamInfo> WorkstreamAsync(int index)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IWorkstreamDirectory>().GetWorkstreamsAsync(Ct))[index];
    }

    public async Task<Guid> InitiativeAsync(string title, string? summary = null, string ministry = "FIN", Guid? workstreamId = null, DateTimeOffset? updatedAt = null)
    {
        var owner = await MinistryAsync(ministry);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        var initiative = new Initiative
        {
            Title = title, Summary = summary, OwningMinistryId = owner.Id, OwningMinistryCode = owner.Code, UpdatedAt = updatedAt ?? DateTimeOffset.UtcNow,
        };
        if (workstreamId is { } id)
        {
            initiative.Workstreams.Add(new InitiativeWorkstream { WorkstreamId = id });
        }

        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(Ct);
        return initiative.Id;
    }

    // A meeting organised by the ministry; unpublished, with no participants, so only coordinators, observers
    // and (not being one-to-one) the organising ministry read it. Optionally a decision written in it.
    public async Task<(Guid Meeting, Guid? Decision)> MeetingAsync(
        string title, string ministry = "KMD", MeetingKind kind = MeetingKind.Workshop, bool published = false, string? agenda = null, string? decision = null,
        string? participantMinistry = null)
    {
        var organiser = await MinistryAsync(ministry);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        var start = new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting
        {
            Kind = kind, Title = title, StartsAt = start, EndsAt = start.AddHours(1), OrganisingMinistryId = organiser.Id, OrganisingMinistryCode = organiser.Code,
            Published = published, UpdatedAt = DateTimeOffset.UtcNow,
        };
        if (agenda is not null)
        {
            meeting.Agenda.Add(new AgendaItem { Position = 1, Title = agenda });
        }

        if (participantMinistry is not null)
        {
            var participant = await MinistryAsync(participantMinistry);
            meeting.Participants.Add(new MeetingParticipant { Kind = ParticipantKind.Ministry, MinistryId = participant.Id, Name = participant.Code });
        }

        db.Meetings.Add(meeting);
        MeetingEntry? entry = null;
        if (decision is not null)
        {
            entry = new MeetingEntry
            {
                MeetingId = meeting.Id, Kind = EntryKind.Decision, Text = decision, AuthorName = "Test", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Entries.Add(entry);
        }

        await db.SaveChangesAsync(Ct);
        return (meeting.Id, entry?.Id);
    }

    public async Task<Guid> InputAsync(string text, string? ministry = "FIN", bool exempt = false, string? contributorName = null, bool consentToPublishName = false)
    {
        Guid? ministryId = ministry is null ? null : (await MinistryAsync(ministry)).Id;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var item = new FeedbackItem
        {
            Reference = "S-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), Source = "E-post", Channel = Channel.Email, ReceivedAt = DateTimeOffset.UtcNow,
            ContributorType = ContributorType.Citizen, ContributorName = contributorName, ConsentToPublishName = consentToPublishName, MinistryId = ministryId,
            Text = text, Exempt = exempt, ExemptionBasis = exempt ? "Offentleglova § 15" : null,
        };
        db.Items.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.Id;
    }

    public async Task<SearchResults> SearchAsync(string? email, string query)
    {
        using var response = await factory.CreateClientAs(email).GetAsync(new Uri(query.StartsWith('/') ? query : "/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query} as {email}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<SearchResults>(body, Json)!;
    }

    public async Task<HttpStatusCode> StatusAsync(string email, string url)
    {
        using var response = await factory.CreateClientAs(email).GetAsync(new Uri(url, UriKind.Relative), Ct);
        return response.StatusCode;
    }

    public async Task<T> ReadAsync<T>(string email, string url) =>
        (await factory.CreateClientAs(email).GetFromJsonAsync<T>(new Uri(url, UriKind.Relative), Json, Ct))!;
}

using Moq;
using Samordning.Ministries.Contracts;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Initiatives;

// InitiativeRequest.ValidateAsync and ApplyTo against the module's real model in memory, with the ministry
// registry (another module's port) faked: what the registry does not know is an error on the field that named it.
public sealed class InitiativeRequestValidationTests : IAsyncLifetime
{
    private static readonly MinistryInfo Fin = new(Guid.NewGuid(), "FIN", "Finansdepartementet", "Ministry of Finance");
    private static readonly MinistryInfo Hod = new(Guid.NewGuid(), "HOD", "Helse- og omsorgsdepartementet", "Ministry of Health and Care Services");
    private static readonly AgencyInfo Skatteetaten = new(Guid.NewGuid(), Fin.Id, "Skatteetaten");
    private static readonly PersonInfo Per = new(Guid.NewGuid(), "Per Hansen", "per@fin.example.no", Fin.Id, null, ["ContactPerson"], true, "nb");

    private readonly Mock<IMinistryDirectory> directory = new(MockBehavior.Strict);
    private InMemoryWorkstreamsDb db = null!;
    private Guid workstreamId;

    public InitiativeRequestValidationTests()
    {
        directory.Setup(d => d.GetMinistriesAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Fin, Hod]);
        directory.Setup(d => d.GetAgenciesAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<Guid> ids, CancellationToken _) => [.. new[] { Skatteetaten }.Where(a => ids.Contains(a.Id))]);
        directory.Setup(d => d.GetPersonAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid id, CancellationToken _) => id == Per.Id ? Per : null);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        db = await InMemoryWorkstreamsDb.CreateAsync(Ct);
        await using var context = db.Context();
        var workstream = new Workstream { TitleNb = "Digitalisering og ny teknologi", Chapter = 6 };
        context.Workstreams.Add(workstream);
        await context.SaveChangesAsync(Ct);
        workstreamId = workstream.Id;
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task Validate_Valid_ResolvesFromRegistry()
    {
        var request = Valid();

        var (errors, resolved) = await ValidateAsync(request);

        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Equal(Fin, resolved!.Owner);
        Assert.Equal([Hod], resolved.Collaborators);
        Assert.Equal([Skatteetaten], resolved.Agencies);
        Assert.Equal(Per, resolved.Contact);
    }

    [Fact]
    public async Task Validate_OwnerAmongCollaborators_LeftOutWithoutError()
    {
        var (errors, resolved) = await ValidateAsync(Valid() with { CollaboratingMinistryIds = [Fin.Id, Hod.Id, Hod.Id] });

        Assert.False(errors.Any);
        Assert.Equal([Hod], resolved!.Collaborators);
    }

    [Fact]
    public async Task Validate_NoAgencies_RegistryNotAskedForAgencies()
    {
        var (errors, _) = await ValidateAsync(Valid() with { AgencyIds = [] });

        Assert.False(errors.Any);
        directory.Verify(d => d.GetAgenciesAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("UnknownAgency", "AgencyIds")]
    [InlineData("UnknownContactPerson", "ContactPersonId")]
    [InlineData("UnknownWorkstream", "WorkstreamIds")]
    [InlineData("UnknownOwner", "OwningMinistryId")]
    [InlineData("NoOwner", "OwningMinistryId")]
    [InlineData("UnknownCollaborator", "CollaboratingMinistryIds")]
    [InlineData("JavascriptLink", "Links")]
    [InlineData("RelativeLink", "Links")]
    [InlineData("TooManyLinks", "Links")]
    [InlineData("TooManyTags", "Tags")]
    [InlineData("LongTag", "Tags")]
    [InlineData("UnknownPhase", "Phase")]
    [InlineData("UnknownStatus", "Status")]
    [InlineData("LongSummary", "Summary")]
    [InlineData("LongReason", "StatusReason")]
    public async Task Validate_BadField_ErrorOnThatFieldOnly(string bad, string field)
    {
        var valid = Valid();
        var request = bad switch
        {
            "UnknownAgency" => valid with { AgencyIds = [Skatteetaten.Id, Guid.NewGuid()] },
            "UnknownContactPerson" => valid with { ContactPersonId = Guid.NewGuid() },
            "UnknownWorkstream" => valid with { WorkstreamIds = [workstreamId, Guid.NewGuid()] },
            "UnknownOwner" => valid with { OwningMinistryId = Guid.NewGuid() },
            "NoOwner" => valid with { OwningMinistryId = null },
            "UnknownCollaborator" => valid with { CollaboratingMinistryIds = [Guid.NewGuid()] },
            "JavascriptLink" => valid with { Links = [new LinkRequest("javascript:alert(1)", "x")] },
            "RelativeLink" => valid with { Links = [new LinkRequest("/relativ", null)] },
            "TooManyLinks" => valid with { Links = [.. Enumerable.Range(0, 21).Select(i => new LinkRequest($"https://example.no/{i}", null))] },
            "TooManyTags" => valid with { Tags = [.. Enumerable.Range(0, 21).Select(i => $"stikkord{i}")] },
            "LongTag" => valid with { Tags = [new string('s', 61)] },
            "UnknownPhase" => valid with { Phase = (Phase)99 },
            "UnknownStatus" => valid with { Status = (Rag)99 },
            "LongSummary" => valid with { Summary = new string('s', 4001) },
            "LongReason" => valid with { StatusReason = new string('s', 1001) },
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var (errors, resolved) = await ValidateAsync(request);

        Assert.Equal([field], errors.ToDictionary().Keys);
        Assert.Null(resolved);
    }

    [Fact]
    public async Task Validate_TwentyTagsDuplicatesIgnored_Valid()
    {
        var (errors, _) = await ValidateAsync(Valid() with { Tags = [.. Enumerable.Range(0, 20).Select(i => $"stikkord{i}"), "STIKKORD0", " stikkord1 "] });

        Assert.False(errors.Any);
    }

    [Fact]
    public async Task ApplyTo_Request_TrimsNormalisesTagsAndBuildsLowerCaseSearchText()
    {
        var request = Valid() with { Title = "  Økt Bruk av KI  ", Summary = " ", Tags = ["Digitalisering", " digitalisering ", "BRUKERINVOLVERING", " "] };
        var (_, resolved) = await ValidateAsync(request);
        var initiative = new Initiative { Title = "", OwningMinistryCode = "" };
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        request.ApplyTo(initiative, resolved!, now);

        Assert.Equal("Økt Bruk av KI", initiative.Title);
        Assert.Null(initiative.Summary);
        Assert.Equal("FIN", initiative.OwningMinistryCode);
        Assert.Equal(["brukerinvolvering", "digitalisering"], initiative.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
        Assert.Equal("Per Hansen", initiative.ContactPersonName);
        Assert.Equal("Skatteetaten", Assert.Single(initiative.Agencies).Name);
        Assert.Equal(now, initiative.UpdatedAt);
        Assert.Contains("økt bruk av ki", initiative.SearchText, StringComparison.Ordinal);
        Assert.Contains("brukerinvolvering", initiative.SearchText, StringComparison.Ordinal);
        Assert.Equal(initiative.SearchText.ToLowerInvariant(), initiative.SearchText);
    }

    private InitiativeRequest Valid() => Builders.Initiative(Fin.Id) with
    {
        CollaboratingMinistryIds = [Hod.Id],
        AgencyIds = [Skatteetaten.Id],
        WorkstreamIds = [workstreamId],
        ContactPersonId = Per.Id,
        Tags = ["digitalisering"],
        Links = [new LinkRequest("https://www.regjeringen.no/", "Regjeringen")],
    };

    private async Task<(Samordning.Shared.Validation.FieldErrors Errors, InitiativeRequest.Resolved? Resolved)> ValidateAsync(InitiativeRequest request)
    {
        await using var context = db.Context();
        return await request.ValidateAsync(context, directory.Object, Ct);
    }
}

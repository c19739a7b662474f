using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Contracts;

namespace Samordning.Tests.Workstreams;

// What other modules ask of Workstreams (IWorkstreamDirectory), through the host's container and store.
public sealed class WorkstreamDirectoryTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetWorkstreams_All_OrderedByChapterThenTitleWithoutChapterLast()
    {
        var late = await api.CreateWorkstreamAsync(Builders.Workstream() with { Chapter = 98, TitleNb = $"B {Guid.NewGuid():N}" });
        var early = await api.CreateWorkstreamAsync(Builders.Workstream() with { Chapter = 98, TitleNb = $"A {Guid.NewGuid():N}" });
        var none = await api.CreateWorkstreamAsync(Builders.Workstream() with { Chapter = null });

        var all = await WithDirectoryAsync(d => d.GetWorkstreamsAsync(Ct));

        var ordered = all.OrderBy(w => w.Chapter is null).ThenBy(w => w.Chapter).ThenBy(w => w.TitleNb, StringComparer.Ordinal).ToList();
        Assert.Equal(ordered, all);
        Assert.True(all.Count > 3, "The seeded workstreams are listed too.");
        var ids = all.Select(w => w.Id).ToList();
        Assert.True(ids.IndexOf(early.Id) < ids.IndexOf(late.Id));
        Assert.True(ids.IndexOf(late.Id) < ids.IndexOf(none.Id));
        Assert.All(all.Where(w => w.Chapter is not null), w => Assert.True(ids.IndexOf(w.Id) < ids.IndexOf(none.Id)));
        var found = all.Single(w => w.Id == early.Id);
        Assert.Equal(new WorkstreamInfo(early.Id, 98, early.TitleNb, early.TitleEn), found);
    }

    [Fact]
    public async Task GetWorkstreams_ByIds_ThoseFoundInOrderAndUnknownLeftOut()
    {
        var second = await api.CreateWorkstreamAsync(Builders.Workstream() with { Chapter = 97 });
        var first = await api.CreateWorkstreamAsync(Builders.Workstream() with { Chapter = 96 });

        var found = await WithDirectoryAsync(d => d.GetWorkstreamsAsync([second.Id, Guid.NewGuid(), first.Id], Ct));

        Assert.Equal([first.Id, second.Id], found.Select(w => w.Id));
    }

    [Fact]
    public async Task GetWorkstreams_NoIds_EmptyWithoutError()
    {
        var found = await WithDirectoryAsync(d => d.GetWorkstreamsAsync([], Ct));

        Assert.Empty(found);
    }

    [Fact]
    public async Task CountUnknown_TwoUnknownOneKnownAndARepeat_Two()
    {
        var known = await api.CreateWorkstreamAsync(Builders.Workstream() with { Chapter = 95 });
        var unknown = Guid.NewGuid();

        await using var scope = factory.Services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<IWorkstreamDirectory>()
            .CountUnknownAsync([known.Id, unknown, unknown, Guid.NewGuid()], Ct);

        Assert.Equal(2, count);
    }

    private async Task<IReadOnlyList<WorkstreamInfo>> WithDirectoryAsync(Func<IWorkstreamDirectory, Task<IReadOnlyList<WorkstreamInfo>>> ask)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await ask(scope.ServiceProvider.GetRequiredService<IWorkstreamDirectory>());
    }
}

using System.Security.Claims;
using Samordning.Shared.Security;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Initiatives;

// The rule in one place: coordinators everything; a contact person creates and edits their own ministry's
// initiatives; a collaborating ministry's contact person adds progress; a ministry alone, or a role alone, is not enough.
public sealed class InitiativeAccessTests
{
    private static readonly Guid Fin = Guid.NewGuid();
    private static readonly Guid Hod = Guid.NewGuid();
    private static readonly Guid Kd = Guid.NewGuid();

    private static readonly Initiative FinWithHod = new()
    {
        Title = "Tiltak",
        OwningMinistryId = Fin,
        OwningMinistryCode = "FIN",
        CollaboratingMinistries = [new InitiativeMinistry { MinistryId = Hod, MinistryCode = "HOD" }],
    };

    [Theory]
    // role, ministry of the person, may create for FIN, may edit, may add progress
    [InlineData(Roles.Coordinator, null, true, true, true)]
    [InlineData(Roles.Coordinator, "KD", true, true, true)]
    [InlineData(Roles.ContactPerson, "FIN", true, true, true)]
    [InlineData(Roles.ContactPerson, "HOD", false, false, true)]
    [InlineData(Roles.ContactPerson, "KD", false, false, false)]
    [InlineData(Roles.ContactPerson, null, false, false, false)]
    [InlineData(Roles.Observer, "FIN", false, false, false)]
    [InlineData(Roles.Facilitator, "FIN", false, false, false)]
    [InlineData(Roles.Administrator, "FIN", false, false, false)]
    [InlineData(Roles.Observer, "HOD", false, false, false)]
    public void Access_RoleAndMinistry_AsTheRuleSays(string role, string? ministry, bool create, bool edit, bool progress)
    {
        var user = Person(ministry, role);

        Assert.Equal(create, InitiativeAccess.CanCreateFor(user, Fin));
        Assert.Equal(edit, InitiativeAccess.CanEdit(user, FinWithHod));
        Assert.Equal(progress, InitiativeAccess.CanAddProgress(user, FinWithHod));
    }

    [Fact]
    public void CanCreateFor_ContactPersonOfFin_OnlyFin()
    {
        var user = Person("FIN", Roles.ContactPerson);

        Assert.True(InitiativeAccess.CanCreateFor(user, Fin));
        Assert.False(InitiativeAccess.CanCreateFor(user, Hod));
        Assert.False(InitiativeAccess.CanCreateFor(user, Kd));
    }

    [Fact]
    public void Access_ContactPersonAndObserverOfFin_ContactPersonRoleCounts()
    {
        // Someone with both roles acts with the stronger.
        var user = Person("FIN", Roles.Observer, Roles.ContactPerson);

        Assert.True(InitiativeAccess.CanEdit(user, FinWithHod));
    }

    [Fact]
    public void Access_Anonymous_Nothing()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.False(InitiativeAccess.CanCreateFor(anonymous, Fin));
        Assert.False(InitiativeAccess.CanEdit(anonymous, FinWithHod));
        Assert.False(InitiativeAccess.CanAddProgress(anonymous, FinWithHod));
    }

    private static ClaimsPrincipal Person(string? ministry, params string[] roles)
    {
        var claims = new List<Claim> { new(SamordningClaims.PersonId, Guid.NewGuid().ToString()) };
        if (ministry is not null)
        {
            var id = ministry switch { "FIN" => Fin, "HOD" => Hod, _ => Kd };
            claims.Add(new(SamordningClaims.MinistryId, id.ToString()));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test", ClaimTypes.Name, ClaimTypes.Role));
    }
}

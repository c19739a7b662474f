using Samordning.Ministries.Data;
using Samordning.Shared.Security;

namespace Samordning.Tests.Ministries;

public sealed class PersonRolesExtensionsTests
{
    [Fact]
    public void ToNames_SeveralFlags_NamesInRoleOrder() =>
        Assert.Equal([Roles.Coordinator, Roles.Administrator], (PersonRoles.Administrator | PersonRoles.Coordinator).ToNames());

    [Fact]
    public void ToNames_None_Empty() => Assert.Empty(PersonRoles.None.ToNames());

    [Fact]
    public void ToNames_EveryFlag_EveryRole() =>
        Assert.Equal(Roles.All, (PersonRoles.Coordinator | PersonRoles.ContactPerson | PersonRoles.Facilitator | PersonRoles.Observer | PersonRoles.Administrator).ToNames());

    [Theory]
    // The enum is internal, and a public test method cannot take it, so the data carries its numeric value.
    [InlineData("Observer", (int)PersonRoles.Observer)]
    [InlineData("contactperson", (int)PersonRoles.ContactPerson)]
    [InlineData("Superuser", (int)PersonRoles.None)]
    [InlineData("", (int)PersonRoles.None)]
    public void FromName_Name_Flag(string name, int expected) => Assert.Equal((PersonRoles)expected, PersonRolesExtensions.FromName(name));

    [Theory]
    [InlineData("Facilitator", true)]
    [InlineData("Superuser", false)]
    public void IsKnown_Name_WhetherARole(string name, bool expected) => Assert.Equal(expected, PersonRolesExtensions.IsKnown(name));

    [Fact]
    public void FromNames_SeveralWithUnknown_KnownFlagsCombined() =>
        Assert.Equal(PersonRoles.Facilitator | PersonRoles.Observer, PersonRolesExtensions.FromNames(["Facilitator", "Nobody", "observer"]));

    [Fact]
    public void FromNames_RoundTrip_SameFlags()
    {
        var roles = PersonRoles.ContactPerson | PersonRoles.Facilitator;
        Assert.Equal(roles, PersonRolesExtensions.FromNames(roles.ToNames()));
    }
}

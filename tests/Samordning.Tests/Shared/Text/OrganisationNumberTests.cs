using Samordning.Shared.Text;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Text;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData(FakeOrganisationNumbers.Valid)]
    [InlineData(FakeOrganisationNumbers.ValidWithRemainderZero)]
    public void IsValid_CorrectCheckDigit_True(string value) => Assert.True(OrganisationNumber.IsValid(value));

    [Fact]
    public void IsValid_WrongCheckDigit_False() => Assert.False(OrganisationNumber.IsValid(FakeOrganisationNumbers.WrongCheckDigit));

    [Theory]
    [InlineData("400000000")]
    [InlineData("400000001")]
    [InlineData("400000009")]
    public void IsValid_CheckValueTen_False(string value) => Assert.False(OrganisationNumber.IsValid(value));

    [Theory]
    [InlineData("123 456 785")]
    [InlineData(" 123456785 ")]
    public void IsValid_SpacesAroundGroups_True(string value) => Assert.True(OrganisationNumber.IsValid(value));

    [Theory]
    [InlineData("12345678A")]
    [InlineData("123-456-785")]
    [InlineData("１２３４５６７８５")] // full-width digits are digits to char.IsDigit, but not to the register
    public void IsValid_NonDigits_False(string value) => Assert.False(OrganisationNumber.IsValid(value));

    [Theory]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("1234567850")]
    public void IsValid_WrongLength_False(string value) => Assert.False(OrganisationNumber.IsValid(value));

    [Fact]
    public void IsValid_Null_False() => Assert.False(OrganisationNumber.IsValid(null));

    [Fact]
    public void Normalize_GroupedNumber_DigitsOnly() => Assert.Equal("123456785", OrganisationNumber.Normalize("123 456 785"));
}

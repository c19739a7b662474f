using Samordning.Shared.Text;
using Samordning.Shared.Validation;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Validation;

public sealed class FieldErrorsTests
{
    private static readonly LocalizedText Name = new("Navn", "Name");
    private static readonly LocalizedText Email = new("E-post", "E-mail");
    private static readonly LocalizedText OrgNo = new("Organisasjonsnummer", "Organisation number");

    [Theory]
    [InlineData("nb-NO", "Navn må fylles ut.")]
    [InlineData("en-GB", "Name is required.")]
    public void Required_Blank_MessageInUiCulture(string culture, string expected)
    {
        using var _ = UiCulture.Use(culture);
        var errors = new FieldErrors().Required("Name", "  ", Name, 10);
        Assert.Equal([expected], errors.ToDictionary()["Name"]);
    }

    [Theory]
    [InlineData("nb-NO", "Navn kan ha høyst 5 tegn.")]
    [InlineData("en-GB", "Name can have at most 5 characters.")]
    public void Required_TooLong_MessageInUiCulture(string culture, string expected)
    {
        using var _ = UiCulture.Use(culture);
        var errors = new FieldErrors().Required("Name", "abcdef", Name, 5);
        Assert.Equal([expected], errors.ToDictionary()["Name"]);
    }

    [Fact]
    public void Required_ExactlyMaxLength_NoError() => Assert.False(new FieldErrors().Required("Name", "abcde", Name, 5).Any);

    [Fact]
    public void MaxLength_Null_NoError() => Assert.False(new FieldErrors().MaxLength("Name", null, Name, 5).Any);

    [Theory]
    [InlineData("ola@example.no")]
    [InlineData("ola.nordmann+tag@sub.example.no")]
    public void Email_WellFormed_NoError(string value) => Assert.False(new FieldErrors().Email("Email", value, Email, required: true).Any);

    [Theory]
    [InlineData("ola")]
    [InlineData("ola@localhost")]
    [InlineData("Ola <ola@example.no>")]
    [InlineData("ola@@example.no")]
    public void Email_Malformed_Error(string value)
    {
        using var _ = UiCulture.Use("nb-NO");
        var errors = new FieldErrors().Email("Email", value, Email, required: true);
        Assert.Equal(["E-post er ikke en gyldig e-postadresse."], errors.ToDictionary()["Email"]);
    }

    [Fact]
    public void Email_BlankAndOptional_NoError() => Assert.False(new FieldErrors().Email("Email", "", Email, required: false).Any);

    [Fact]
    public void Email_BlankAndRequired_Error() => Assert.True(new FieldErrors().Email("Email", "", Email, required: true).Any);

    [Theory]
    [InlineData("nb-NO", "Organisasjonsnummer må være ni siffer med gyldig kontrollsiffer.")]
    [InlineData("en-GB", "Organisation number must be nine digits with a valid check digit.")]
    public void OrganisationNumber_WrongCheckDigit_MessageInUiCulture(string culture, string expected)
    {
        using var _ = UiCulture.Use(culture);
        var errors = new FieldErrors().OrganisationNumber("OrganisationNumber", FakeOrganisationNumbers.WrongCheckDigit, OrgNo);
        Assert.Equal([expected], errors.ToDictionary()["OrganisationNumber"]);
    }

    [Fact]
    public void OrganisationNumber_Blank_NoError() => Assert.False(new FieldErrors().OrganisationNumber("OrganisationNumber", " ", OrgNo).Any);

    [Fact]
    public void ToDictionary_SeveralFieldsAndMessages_ListsEvery()
    {
        using var _ = UiCulture.Use("en-GB");
        var errors = new FieldErrors()
            .Required("Name", null, Name, 10)
            .Email("Email", "nope", Email, required: true)
            .Add("Name", new("Annen feil.", "Another error."));

        var dictionary = errors.ToDictionary();

        Assert.Equal(["Email", "Name"], dictionary.Keys.Order());
        Assert.Equal(["Name is required.", "Another error."], dictionary["Name"]);
    }
}

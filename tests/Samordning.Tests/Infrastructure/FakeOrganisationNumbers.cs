namespace Samordning.Tests.Infrastructure;

// Made-up organisation numbers computed with the MOD11 rule (weights 3,2,7,6,5,4,3,2; check = 11 - sum % 11),
// so no test ever names a real organisation.
internal static class FakeOrganisationNumbers
{
    // 1·3+2·2+3·7+4·6+5·5+6·4+7·3+8·2 = 138; 138 % 11 = 6; check 11 - 6 = 5.
    public const string Valid = "123456785";

    // 1·3+4·2 = 11; remainder 0 gives check digit 0 (not 11).
    public const string ValidWithRemainderZero = "100000040";

    // Valid's digits with the check digit changed.
    public const string WrongCheckDigit = "123456786";

    // 4·3 = 12; 12 % 11 = 1; check 11 - 1 = 10, which no digit can hold: every 40000000x is invalid.
    public const string CheckValueTen = "400000000";
}

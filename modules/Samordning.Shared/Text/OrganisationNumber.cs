namespace Samordning.Shared.Text;

/// <summary>
/// Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a MOD11 check digit over the
/// first eight with weights 3, 2, 7, 6, 5, 4, 3, 2.
/// </summary>
public static class OrganisationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Removes the spaces people type ("974 760 673") and returns the digits, or the input unchanged.</summary>
    public static string Normalize(string value) => value.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>True when the value (spaces allowed) is nine digits with a valid check digit.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var digits = Normalize(value);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return check != 10 && check == digits[8] - '0';
    }
}

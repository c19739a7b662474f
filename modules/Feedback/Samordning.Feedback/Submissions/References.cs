using System.Security.Cryptography;

namespace Samordning.Feedback.Submissions;

// Receipt references: "INN-" and eight characters without look-alikes (no 0/O, 1/I/L), so they can be read
// over the phone; 40 random bits, so one contributor cannot guess another's.
internal static class References
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => "INN-" + RandomNumberGenerator.GetString(Alphabet, 8);
}

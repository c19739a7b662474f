namespace Samordning.Feedback.Privacy;

internal static class Contributors
{
    // Lower-cased, so a request for access or erasure finds the input however the address was typed.
    public static string? NormaliseEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}

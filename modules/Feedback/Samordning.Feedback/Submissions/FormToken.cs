namespace Samordning.Feedback.Submissions;

// The public form's idempotency token: issued with the page (32 hex digits), stored with the item under a unique
// index of 64 characters. A token the server did not make that way (too long, or with other characters) is refused
// with a field error rather than dropped, since dropping it quietly would turn a double click into two items.
internal static class FormToken
{
    public const int MaxLength = 64;

    // Blank is allowed: the submission then has no idempotency, as before the page issued tokens.
    public static bool IsValid(string? token) =>
        token is null || (token.Length <= MaxLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
}

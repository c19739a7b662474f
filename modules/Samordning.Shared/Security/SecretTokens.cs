using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Samordning.Shared.Security;

/// <summary>
/// The secret tokens of private links (guest links, a supplier's dialogue link): 256 random bits, base64url, shown
/// once to whoever makes the link; only the SHA-256 of a token is stored, so a copy of the database opens nothing.
/// </summary>
public static class SecretTokens
{
    /// <summary>The length of a token: 32 bytes in base64url without padding.</summary>
    public const int Length = 43;

    /// <summary>A new token: guessing one is hopeless, and the rate limit stands in front of the pages anyway.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored and looked up: the token's SHA-256, lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True for a string of a token's shape; any other is refused before it is hashed and looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using Microsoft.AspNetCore.Identity;

namespace Streamis.Workflows.Host.Login;

/// <summary>PBKDF2 password hashes in ASP.NET Core Identity's format (salted, versioned, iteration count inside).</summary>
public static class PasswordCheck
{
    private static readonly PasswordHasher<LoginUser> Hasher = new();

    // Unknown users are checked against this, so the answer takes as long as for a known one.
    private static readonly string Decoy = Hasher.HashPassword(new LoginUser(), Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(new LoginUser(), password);

    public static bool Matches(LoginUser? user, string password)
    {
        var hash = user is { PasswordHash.Length: > 0 } ? user.PasswordHash : Decoy;
        try
        {
            return Hasher.VerifyHashedPassword(user ?? new LoginUser(), hash, password) != PasswordVerificationResult.Failed && user is not null;
        }
        catch (FormatException)
        {
            // A hash that was not made by hash-password matches nothing.
            return false;
        }
    }
}

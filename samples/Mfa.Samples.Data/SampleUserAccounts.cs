using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Samples.Data;

/// <summary>The host's own first factor and session stamps: password check and "end all sessions".</summary>
public sealed class SampleUserAccounts(SampleDbContext db)
{
    private static readonly PasswordHasher<SampleUser> Hasher = new();

    /// <summary>Finds a user by e-mail (case-insensitive).</summary>
    public Task<SampleUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == Normalize(email), cancellationToken);

    /// <summary>Checks a password; returns the user when it is right.</summary>
    public async Task<SampleUser?> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            // Spend the same time as a real check so response times do not reveal which e-mails exist.
            Hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>The users of an organization, by e-mail.</summary>
    public Task<List<SampleUser>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId).OrderBy(u => u.Email).ToListAsync(cancellationToken);

    /// <summary>The current security stamp, or <see langword="null"/> for an unknown user.</summary>
    public Task<string?> GetSecurityStampAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Ends every session of the user: cookies carrying the old stamp stop validating.</summary>
    public Task RotateSecurityStampAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, NewStamp()), cancellationToken);

    /// <summary>Hashes a password for storage.</summary>
    public static string HashPassword(SampleUser user, string password) => Hasher.HashPassword(user, password);

    /// <summary>A new random security stamp.</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The user id for an e-mail address.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static readonly SampleUser DummyUser = new()
    {
        Id = "dummy", Email = "dummy", DisplayName = "dummy", PasswordHash = "", OrganizationId = "dummy", SecurityStamp = "",
    };

    private static readonly string DummyHash = Hasher.HashPassword(DummyUser, "not-a-real-password");
}

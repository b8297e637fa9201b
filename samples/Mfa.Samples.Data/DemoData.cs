using Mfa.Users;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Samples.Data;

/// <summary>
/// The demo organizations and users: "acme" with owner@acme.test (Owner), alice@acme.test and bob@acme.test, and
/// "globex" with owner@globex.test (Owner). MFA is not yet required anywhere. Every demo user's password is
/// <see cref="Password"/> — for trying the sample only.
/// </summary>
public static class DemoData
{
    /// <summary>The demo users' password.</summary>
    public const string Password = "demo-password";

    /// <summary>The demo users: e-mail, name, organization, role.</summary>
    public static IReadOnlyList<(string Email, string Name, string OrganizationId, MfaRole Role)> Users { get; } =
    [
        ("owner@acme.test", "Olivia Owner", "acme", MfaRole.Owner),
        ("alice@acme.test", "Alice Anders", "acme", MfaRole.Member),
        ("bob@acme.test", "Bob Brown", "acme", MfaRole.Member),
        ("owner@globex.test", "Greta Owner", "globex", MfaRole.Owner),
    ];

    /// <summary>Adds whatever demo organizations and users are missing; returns how many users were added.</summary>
    public static async Task<int> SeedAsync(SampleDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (id, name) in new[] { ("acme", "Acme Corporation"), ("globex", "Globex") })
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken))
            {
                db.Organizations.Add(new SampleOrganization { Id = id, Name = name });
            }
        }

        var added = 0;
        foreach (var (email, name, organizationId, role) in Users)
        {
            if (await db.Users.AnyAsync(u => u.Id == email, cancellationToken))
            {
                continue;
            }

            var user = new SampleUser
            {
                Id = email, Email = email, DisplayName = name, PasswordHash = "", OrganizationId = organizationId, Role = role,
                SecurityStamp = SampleUserAccounts.NewStamp(),
            };
            user.PasswordHash = SampleUserAccounts.HashPassword(user, Password);
            db.Users.Add(user);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}

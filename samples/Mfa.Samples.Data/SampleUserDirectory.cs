using Mfa.Users;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Samples.Data;

/// <summary>Tells the MFA engine about the sample's users: organization and role come from the database, never from a page.</summary>
public sealed class SampleUserDirectory(SampleDbContext db) : IMfaUserDirectory
{
    /// <inheritdoc />
    public async ValueTask<MfaUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : new MfaUser(user.Id, user.Email, user.OrganizationId, user.Role);
    }
}

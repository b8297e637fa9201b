using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.ResetMarkers;

/// <summary>Reset markers in the <c>ResetMarkers</c> table (one row per user).</summary>
internal sealed class EfCoreResetMarkerStore(DbContext context) : IMfaResetMarkerStore
{
    private DbSet<MfaResetMarker> Markers => context.MfaSet<MfaResetMarker>();

    public async ValueTask<MfaResetMarker?> FindAsync(string userId, CancellationToken cancellationToken) =>
        await Markers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);

    public async ValueTask SaveAsync(MfaResetMarker marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        await context.InTransactionAsync(
            token => context.UpsertAsync(
                t => Markers.Where(m => m.UserId == marker.UserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ResetAt, marker.ResetAt).SetProperty(m => m.ResetBy, marker.ResetBy), t),
                () => new MfaResetMarker { UserId = marker.UserId, ResetAt = marker.ResetAt, ResetBy = marker.ResetBy },
                token),
            cancellationToken);
    }

    public async ValueTask DeleteAsync(string userId, CancellationToken cancellationToken) =>
        await Markers.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}

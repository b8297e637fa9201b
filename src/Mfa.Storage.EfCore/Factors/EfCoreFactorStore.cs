using Mfa.Storage.EfCore.Model;
using Mfa.Storage.EfCore.Transactions;
using Mfa.Stores;
using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Factors;

/// <summary>Factors in the <c>Factors</c> table; the replay guard is one conditional UPDATE.</summary>
internal sealed class EfCoreFactorStore(DbContext context) : IMfaFactorStore
{
    private DbSet<MfaFactor> Factors => context.MfaSet<MfaFactor>();

    public async ValueTask<MfaFactor?> FindActiveAsync(string userId, CancellationToken cancellationToken) =>
        await Factors.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == userId && f.Status == MfaFactorStatus.Active, cancellationToken);

    public async ValueTask<MfaFactor?> FindPendingAsync(string userId, CancellationToken cancellationToken) =>
        await Factors.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == userId && f.Status == MfaFactorStatus.Pending, cancellationToken);

    public async ValueTask SavePendingAsync(MfaFactor factor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factor);
        if (factor.Status != MfaFactorStatus.Pending)
        {
            throw new ArgumentException("Only a pending factor can be saved; activate it with ActivateAsync.", nameof(factor));
        }

        await context.InTransactionAsync(
            token => context.ReplaceAsync(
                t => Factors.Where(f => f.UserId == factor.UserId && f.Status == MfaFactorStatus.Pending).ExecuteDeleteAsync(t),
                Copy(factor),
                token),
            cancellationToken);
    }

    public async ValueTask<bool> ActivateAsync(string userId, string factorId, DateTimeOffset activatedAt, long? acceptedTimeStep, CancellationToken cancellationToken) =>
        await context.InTransactionAsync(
            async token =>
            {
                // Claim the pending row first: concurrent activations of the same factor queue on its row lock, and
                // the losers find it no longer pending and change nothing (no rollback needed, even inside the
                // engine's transaction). Only then delete the old active factor, which the unique (UserId, Status)
                // index requires before the pending one can become active.
                var claimed = await Factors
                    .Where(f => f.Id == factorId && f.UserId == userId && f.Status == MfaFactorStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.ActivatedAt, activatedAt), token);
                if (claimed == 0)
                {
                    return false;
                }

                await Factors.Where(f => f.UserId == userId && f.Status == MfaFactorStatus.Active).ExecuteDeleteAsync(token);
                await Factors
                    .Where(f => f.Id == factorId)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(f => f.Status, MfaFactorStatus.Active)
                            .SetProperty(f => f.LastAcceptedTimeStep, acceptedTimeStep),
                        token);
                return true;
            },
            cancellationToken);

    public async ValueTask<bool> TryAcceptTimeStepAsync(string factorId, long timeStep, CancellationToken cancellationToken) =>
        await Factors
            .Where(f => f.Id == factorId && (f.LastAcceptedTimeStep == null || f.LastAcceptedTimeStep < timeStep))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastAcceptedTimeStep, timeStep), cancellationToken) == 1;

    public async ValueTask DeletePendingAsync(string userId, CancellationToken cancellationToken) =>
        await Factors.Where(f => f.UserId == userId && f.Status == MfaFactorStatus.Pending).ExecuteDeleteAsync(cancellationToken);

    public async ValueTask<int> DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        await Factors.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private static MfaFactor Copy(MfaFactor f) => new()
    {
        Id = f.Id, UserId = f.UserId, Method = f.Method, Status = f.Status, ProtectedSecret = f.ProtectedSecret,
        Algorithm = f.Algorithm, Digits = f.Digits, PeriodSeconds = f.PeriodSeconds, PhoneNumber = f.PhoneNumber,
        CreatedAt = f.CreatedAt, ExpiresAt = f.ExpiresAt, ActivatedAt = f.ActivatedAt, LastAcceptedTimeStep = f.LastAcceptedTimeStep,
    };
}

using Microsoft.EntityFrameworkCore;

namespace Mfa.Storage.EfCore.Model;

/// <summary>Turns a context without the MFA tables into an error that names the missing call.</summary>
internal static class MfaModelGuard
{
    public static DbSet<TEntity> MfaSet<TEntity>(this DbContext context) where TEntity : class =>
        context.Model.FindEntityType(typeof(TEntity)) is null
            ? throw new InvalidOperationException(
                $"The DbContext '{context.GetType().Name}' has no MFA tables: call modelBuilder.UseMfa() in its OnModelCreating, then add a migration (dotnet ef migrations add AddMfa).")
            : context.Set<TEntity>();
}

using Microsoft.AspNetCore.Identity;

namespace Mfa.Benchmarks;

/// <summary>A user for ASP.NET Core Identity's side of the comparison.</summary>
public sealed class BenchUser
{
    public string Id { get; init; } = "alice";

    public string UserName { get; set; } = "alice@example.com";

    public string? AuthenticatorKey { get; set; }
}

/// <summary>
/// The smallest store Identity's AuthenticatorTokenProvider needs: the key lives on the user object, so the TOTP
/// benchmark measures only Identity's own token code (GetAuthenticatorKeyAsync is a completed task).
/// </summary>
public sealed class InMemoryAuthenticatorKeyStore : IUserAuthenticatorKeyStore<BenchUser>
{
    public Task SetAuthenticatorKeyAsync(BenchUser user, string key, CancellationToken cancellationToken)
    {
        user.AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(BenchUser user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public Task<string> GetUserIdAsync(BenchUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(BenchUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(BenchUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(BenchUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName.ToUpperInvariant());

    public Task SetNormalizedUserNameAsync(BenchUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IdentityResult> CreateAsync(BenchUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<IdentityResult> UpdateAsync(BenchUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<IdentityResult> DeleteAsync(BenchUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<BenchUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<BenchUser?>(null);

    public Task<BenchUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => Task.FromResult<BenchUser?>(null);

    public void Dispose()
    {
    }
}

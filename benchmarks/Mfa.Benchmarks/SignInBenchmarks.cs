using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mfa.SignIn;
using Mfa.Totp;
using Mfa.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Mfa.Benchmarks;

/// <summary>The host's context for our stores.</summary>
public sealed class BenchMfaDbContext(DbContextOptions<BenchMfaDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseMfa();
}

/// <summary>
/// End-to-end sign-in verification of a TOTP code on a SQLite file, warm (schema created, user enrolled, connection pool
/// and EF model built in GlobalSetup). Each call opens a new DI scope (a new DbContext), as one web request would.
/// Ours: MfaSignInService.VerifyAsync = user lookup (in memory), active factor read, throttle reservation, unprotect,
/// TOTP ±1, replay guard write (compare-and-set of the last accepted step), success accounting, remaining recovery codes.
/// The engine's clock is a FakeTimeProvider advanced by one 30 s period before every call, and the code is computed for
/// the new step, so every call submits a fresh code the replay guard accepts.
/// Identity: UserManager.VerifyTwoFactorTokenAsync(user, DefaultAuthenticatorProvider, code) with IdentityDbContext
/// stores (reads the key from AspNetUserTokens; no replay guard, no attempt accounting); code for the real clock.
/// </summary>
[MemoryDiagnoser]
public class SignInBenchmarks
{
    private const string UserId = "alice";
    private string _directory = "";
    private ServiceProvider _ours = null!;
    private FakeTimeProvider _clock = null!;
    private byte[] _ourSecret = [];
    private ServiceProvider _identity = null!;
    private IdentityUser _identityUser = null!;
    private byte[] _identitySecret = [];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "mfa-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);

        // Ours.
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 5, TimeSpan.Zero));
        var ours = new ServiceCollection();
        ours.AddLogging();
        ours.AddMetrics();
        ours.AddSingleton<TimeProvider>(_clock);
        ours.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        ours.AddSingleton<IMfaUserDirectory>(new InMemoryMfaUserDirectory().Add(new MfaUser(UserId, "alice@example.com", "org-1")));
        ours.AddDbContext<BenchMfaDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_directory, "mfa.db")}"));
        ours.AddMfa(o => o.Issuer = "Bench").AddEntityFrameworkStores<BenchMfaDbContext>();
        _ours = ours.BuildServiceProvider();
        using (var scope = _ours.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<BenchMfaDbContext>().Database.EnsureCreatedAsync();
            var enrollment = scope.ServiceProvider.GetRequiredService<Mfa.Enrollment.MfaEnrollmentService>();
            var begun = await enrollment.BeginAuthenticatorAppAsync(UserId);
            if (!begun.Succeeded)
            {
                throw new InvalidOperationException(begun.ToString());
            }

            _ourSecret = Base32Encoding.ToBytes(begun.Value.ManualEntryKey.Replace(" ", "", StringComparison.Ordinal));
            var activated = await enrollment.ActivateAsync(UserId, CodeFor(_ourSecret, _clock.GetUtcNow()));
            if (!activated.Succeeded)
            {
                throw new InvalidOperationException(activated.ToString());
            }
        }

        // ASP.NET Core Identity with its own EF Core stores.
        var identity = new ServiceCollection();
        identity.AddLogging();
        identity.AddDbContext<IdentityDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_directory, "identity.db")}"));
        identity.AddIdentityCore<IdentityUser>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<IdentityUser>>(TokenOptions.DefaultAuthenticatorProvider);
        _identity = identity.BuildServiceProvider();
        using (var scope = _identity.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.EnsureCreatedAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser("alice@example.com");
            Check(await users.CreateAsync(user));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            _identitySecret = Base32Encoding.ToBytes((await users.GetAuthenticatorKeyAsync(user))!);
            _identityUser = (await users.FindByIdAsync(user.Id))!;
        }

        if (!(await Ours()).Succeeded || !await Identity())
        {
            throw new InvalidOperationException("A verifier rejected a fresh valid code: the benchmark would measure a failure.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _identity.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "Mfa: MfaSignInService.VerifyAsync (EF, SQLite)")]
    public async Task<MfaResult<MfaVerification>> Ours()
    {
        _clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeFor(_ourSecret, _clock.GetUtcNow());
        await using var scope = _ours.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MfaSignInService>().VerifyAsync(UserId, code);
    }

    [Benchmark(Baseline = true, Description = "Identity: UserManager.VerifyTwoFactorTokenAsync (EF, SQLite)")]
    public async Task<bool> Identity()
    {
        var code = CodeFor(_identitySecret, DateTimeOffset.UtcNow);
        await using var scope = _identity.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.VerifyTwoFactorTokenAsync(_identityUser, TokenOptions.DefaultAuthenticatorProvider, code);
    }

    private static string CodeFor(byte[] secret, DateTimeOffset time) =>
        TotpCalculator.ComputeCode(secret, TotpCalculator.GetTimeStep(time, 30), TotpAlgorithm.Sha1, 6).ToString("D6", CultureInfo.InvariantCulture);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

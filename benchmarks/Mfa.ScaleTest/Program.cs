using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Mfa;
using Mfa.Secrets;
using Mfa.SignIn;
using Mfa.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

// dotnet run -c Release --project benchmarks/Mfa.ScaleTest -- <sqlite|postgres> <users> [requestsPerLevel] [connection]
var database = args.Length > 0 ? args[0] : "sqlite";
var userCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var requestsPerLevel = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
var connection = args.Length > 3 && args[3].Length > 0 ? args[3]
    : database == "sqlite"
        ? $"Data Source={Path.Combine(Path.GetTempPath(), $"mfa-scale-{userCount}.db")}"
        : Environment.GetEnvironmentVariable("MFA_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=mfa;Password=mfa;Database=mfa_scale";
int[] levels = [1, 16, 64];
const int ReplayUsers = 200;
const int ReplayCopies = 8;

var services = new ServiceCollection();
services.AddLogging();
services.AddMetrics();
services.AddSingleton<TimeProvider>(new FixedClock(ScaleData.Now));
services.AddSingleton<IMfaUserDirectory>(new SyntheticUserDirectory(userCount));
if (database == "sqlite")
{
    services.AddDbContext<ScaleDbContext>(o => o.UseSqlite(connection));
}
else
{
    services.AddDbContext<ScaleDbContext>(o => o.UseNpgsql(connection));
}

services.AddMfa(o => o.Issuer = "Scale").AddEntityFrameworkStores<ScaleDbContext>().AddSecretProtector<FixedKeyProtector>();
await using var provider = services.BuildServiceProvider();

Console.WriteLine($"# {database}, {userCount:N0} users, {requestsPerLevel:N0} requests per level, load: {File.ReadAllText("/proc/loadavg").Trim()}");
var seedWatch = Stopwatch.StartNew();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ScaleDbContext>();
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
}

if (database == "sqlite")
{
    ScaleData.SeedSqlite(connection, userCount);
}
else
{
    await ScaleData.SeedPostgresAsync(connection, userCount);
}

Console.WriteLine($"seeded {userCount:N0} users in {seedWatch.Elapsed.TotalSeconds:F1} s");

// Distinct random users for every request of the run, so each request submits a fresh code the replay guard accepts
// (the clock is fixed; a user's current-step code is accepted once).
var random = new Random(7);
var needed = 200 + (levels.Length * requestsPerLevel) + ReplayUsers;
if (needed > userCount)
{
    throw new InvalidOperationException($"Need {needed} distinct users, have {userCount}.");
}

var picked = new HashSet<int>();
while (picked.Count < needed)
{
    picked.Add(random.Next(userCount));
}

var queue = new Queue<int>(picked.OrderBy(_ => random.Next()));
int[] Take(int n) => Enumerable.Range(0, n).Select(_ => queue.Dequeue()).ToArray();

await RunLevelAsync("warm-up", 16, Take(200), print: false);
foreach (var level in levels)
{
    await RunLevelAsync($"c={level}", level, Take(requestsPerLevel), print: true);
}

// Replays: each of ReplayUsers users' code submitted ReplayCopies times concurrently (copies adjacent in the work list,
// 64 workers): exactly one acceptance per user is required.
var replayUsers = Take(ReplayUsers);
var submissions = replayUsers.SelectMany(u => Enumerable.Repeat(u, ReplayCopies)).ToArray();
var accepted = new ConcurrentDictionary<int, int>();
var replayErrors = new ConcurrentDictionary<string, int>();
await Parallel.ForEachAsync(submissions, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (user, ct) =>
{
    var (ok, error) = await VerifyAsync(user);
    if (ok)
    {
        accepted.AddOrUpdate(user, 1, (_, n) => n + 1);
    }
    else
    {
        replayErrors.AddOrUpdate(error, 1, (_, n) => n + 1);
    }
});
var doubles = accepted.Count(p => p.Value > 1);
var none = replayUsers.Length - accepted.Count;
Console.WriteLine($"replay: {ReplayUsers} users x {ReplayCopies} concurrent copies: users accepted once {accepted.Count(p => p.Value == 1)}, "
    + $"accepted more than once {doubles}, never accepted {none}; rejections: {string.Join(", ", replayErrors.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}");
Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
return doubles == 0 ? 0 : 1;

async Task RunLevelAsync(string name, int concurrency, int[] users, bool print)
{
    var latencies = new double[users.Length];
    var errors = new ConcurrentDictionary<string, int>();
    var next = -1;
    var wall = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < users.Length)
        {
            var start = Stopwatch.GetTimestamp();
            var (ok, error) = await VerifyAsync(users[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!ok)
            {
                errors.AddOrUpdate(error, 1, (_, n) => n + 1);
            }
        }
    })).ToArray();
    await Task.WhenAll(workers);
    wall.Stop();
    if (!print)
    {
        return;
    }

    Array.Sort(latencies);
    double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: n={users.Length} p50={P(0.50):F2} ms p99={P(0.99):F2} ms max={latencies[^1]:F1} ms throughput={users.Length / wall.Elapsed.TotalSeconds:F0}/s "
        + $"failures={errors.Values.Sum()} {string.Join(",", errors.Select(p => $"{p.Key}={p.Value}"))} load={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
}

async Task<(bool Ok, string Error)> VerifyAsync(int user)
{
    try
    {
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MfaSignInService>().VerifyAsync(ScaleData.UserId(user), ScaleData.CodeFor(user));
        return (result.Succeeded, result.Succeeded ? "" : result.Error.Code);
    }
#pragma warning disable CA1031 // A load test counts every failure instead of stopping at the first.
    catch (Exception e)
#pragma warning restore CA1031
    {
        return (false, e.GetType().Name);
    }
}

internal sealed class ScaleDbContext(DbContextOptions<ScaleDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseMfa();
}

/// <summary>A clock that never moves: every request uses a distinct user, so each user's current code is fresh.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class SyntheticUserDirectory(int count) : IMfaUserDirectory
{
    public ValueTask<MfaUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(userId.StartsWith('u') && int.TryParse(userId.AsSpan(1), CultureInfo.InvariantCulture, out var n) && n < count
            ? new MfaUser(userId, userId + "@example.com", "org-1")
            : null);
}

/// <summary>A test-only protector with a fixed AES-GCM key (nonce | tag | ciphertext), so seeding needs no key ring.</summary>
internal sealed class FixedKeyProtector : IMfaSecretProtector
{
    private static readonly byte[] Key = SHA256.HashData("mfa-scale-test-key"u8);

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[12 + 16 + plaintext.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(Key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plaintext, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        ArgumentNullException.ThrowIfNull(protectedData);
        var plaintext = new byte[protectedData.Length - 28];
        using var aes = new AesGcm(Key, 16);
        aes.Decrypt(protectedData.AsSpan(0, 12), protectedData.AsSpan(28), protectedData.AsSpan(12, 16), plaintext);
        return plaintext;
    }
}

internal static class ScaleData
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 5, TimeSpan.Zero);
    private static readonly byte[] SeedKey = SHA256.HashData("mfa-scale-secrets"u8);
    private static readonly FixedKeyProtector Protector = new();

    public static string UserId(int n) => "u" + n.ToString(CultureInfo.InvariantCulture);

    public static byte[] SecretFor(int n)
    {
        Span<byte> message = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(message, n);
        return HMACSHA1.HashData(SeedKey, message);
    }

    public static string CodeFor(int n) => new OtpNet.Totp(SecretFor(n)).ComputeTotp(Now.UtcDateTime);

    private static readonly string[] Columns =
        ["Id", "UserId", "Method", "Status", "ProtectedSecret", "Algorithm", "Digits", "PeriodSeconds", "CreatedAt", "ActivatedAt"];

    public static void SeedSqlite(string connectionString, int count)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // WAL: readers do not block the writer; what a SQLite deployment with concurrent requests would use.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }

        var created = Now.UtcDateTime.AddDays(-30);
        const int Batch = 50_000;
        for (var start = 0; start < count; start += Batch)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"MfaFactors\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
            var parameters = Columns.ToDictionary(c => c, c => insert.Parameters.Add(new SqliteParameter("$" + c, null)));
            insert.Prepare();
            for (var n = start; n < Math.Min(count, start + Batch); n++)
            {
                parameters["Id"].Value = Guid.NewGuid().ToString("N");
                parameters["UserId"].Value = UserId(n);
                parameters["Method"].Value = 0;
                parameters["Status"].Value = 1;
                parameters["ProtectedSecret"].Value = Protector.Protect(SecretFor(n));
                parameters["Algorithm"].Value = 0;
                parameters["Digits"].Value = 6;
                parameters["PeriodSeconds"].Value = 30;
                parameters["CreatedAt"].Value = created;
                parameters["ActivatedAt"].Value = created;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        analyze.ExecuteNonQuery();
    }

    public static async Task SeedPostgresAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var created = Now.UtcDateTime.AddDays(-30);
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"MfaFactors\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < count; n++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                await writer.WriteAsync(UserId(n), NpgsqlDbType.Text);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(Protector.Protect(SecretFor(n)), NpgsqlDbType.Bytea);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(6, NpgsqlDbType.Integer);
                await writer.WriteAsync(30, NpgsqlDbType.Integer);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mfa.Storage.EfCore.Model;

/// <summary>
/// Stores <see cref="DateTimeOffset"/> values as UTC <see cref="DateTime"/>s. Every provider can compare and sort a
/// UTC date-time in SQL (SQLite cannot translate comparisons of <see cref="DateTimeOffset"/>; PostgreSQL maps it to
/// <c>timestamp with time zone</c>), and the MFA windows and expiry checks are done in the database.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)))
{
    public static UtcDateTimeConverter Instance { get; } = new();
}

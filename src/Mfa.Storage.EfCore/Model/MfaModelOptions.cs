namespace Mfa.Storage.EfCore.Model;

/// <summary>Where <see cref="Microsoft.EntityFrameworkCore.MfaModelBuilderExtensions.UseMfa"/> puts the MFA tables.</summary>
public sealed class MfaModelOptions
{
    /// <summary>
    /// The database schema of the MFA tables, or <see langword="null"/> (the default) for the context's default schema.
    /// Ignored by providers without schemas (SQLite).
    /// </summary>
    public string? Schema { get; set; }

    /// <summary>
    /// Prepended to every MFA table name: with the default <c>"Mfa"</c> the tables are <c>MfaFactors</c>,
    /// <c>MfaRecoveryCodes</c> and so on. May be empty, never <see langword="null"/>.
    /// </summary>
    public string TablePrefix { get; set; } = "Mfa";

    internal string Table(string name) => TablePrefix + name;
}

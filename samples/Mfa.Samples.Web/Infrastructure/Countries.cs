namespace Mfa.Samples.Web.Infrastructure;

/// <summary>The countries offered in the phone step (ISO 3166 code and name).</summary>
public static class Countries
{
    /// <summary>The list, by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        ("AU", "Australia"), ("BR", "Brazil"), ("CA", "Canada"), ("FR", "France"), ("DE", "Germany"), ("IN", "India"),
        ("IE", "Ireland"), ("IT", "Italy"), ("JP", "Japan"), ("NL", "Netherlands"), ("ES", "Spain"), ("SE", "Sweden"),
        ("CH", "Switzerland"), ("GB", "United Kingdom"), ("US", "United States"),
    ];
}

namespace Mfa.Samples.Data;

/// <summary>A tenant of the sample app.</summary>
public sealed class SampleOrganization
{
    /// <summary>The organization's identifier (also used as its slug, e.g. "acme").</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; set; }
}

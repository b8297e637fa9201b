using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Samples.Web.Infrastructure;

/// <summary>Where the sample's SMS go: Twilio when <c>Mfa:Twilio</c> is configured, otherwise the development outbox.</summary>
public static class SampleSms
{
    /// <summary>Registers the SMS sender.</summary>
    public static void Add(WebApplicationBuilder builder, MfaBuilder mfa, SamplePaths paths)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mfa);
        ArgumentNullException.ThrowIfNull(paths);
        // Filled in once the outbox and Twilio packages are on main.
    }
}

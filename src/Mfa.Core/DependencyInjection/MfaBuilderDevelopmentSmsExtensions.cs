using Mfa.Sms;
using Mfa.Sms.Development;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the development SMS outbox on the MFA builder.</summary>
public static class MfaBuilderDevelopmentSmsExtensions
{
    /// <summary>
    /// Sends SMS to a <see cref="DevelopmentSmsOutbox"/> (a JSON Lines file) instead of a provider, replacing any
    /// earlier SMS sender. <b>For development and tests only</b>: codes are written in clear. Resolve
    /// <see cref="DevelopmentSmsOutbox"/> to read the messages back.
    /// </summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="path">The outbox file; <see langword="null"/> keeps <see cref="DevelopmentSmsOutboxOptions.Path"/>
    /// (default <c>mfa-sms-outbox.jsonl</c> in the current directory).</param>
    /// <returns>The builder.</returns>
    public static MfaBuilder AddDevelopmentSmsOutbox(this MfaBuilder builder, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<DevelopmentSmsOutboxOptions>();
        if (path is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path);
            options.Configure(o => o.Path = path);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        // A factory: the outbox has two constructors, which the container would find ambiguous.
        builder.Services.TryAddSingleton(sp => new DevelopmentSmsOutbox(
            sp.GetRequiredService<IOptions<DevelopmentSmsOutboxOptions>>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISmsSender>(sp => sp.GetRequiredService<DevelopmentSmsOutbox>()));
        return builder;
    }
}

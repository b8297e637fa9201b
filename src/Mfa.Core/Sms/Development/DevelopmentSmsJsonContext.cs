using System.Text.Json.Serialization;

namespace Mfa.Sms.Development;

/// <summary>Source-generated JSON for outbox lines: {"id":…,"to":…,"body":…,"sentAt":…}.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DevelopmentSmsMessage))]
internal sealed partial class DevelopmentSmsJsonContext : JsonSerializerContext;

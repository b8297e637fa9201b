namespace Mfa.Storage.EfCore.Sms;

/// <summary>One granted SMS send, counted against the per-user and per-organization windows.</summary>
internal sealed class MfaSmsSend
{
    public required string SendId { get; set; }

    public required string UserId { get; set; }

    public string? OrganizationId { get; set; }

    public DateTimeOffset At { get; set; }
}

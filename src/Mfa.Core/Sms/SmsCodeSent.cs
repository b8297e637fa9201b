namespace Mfa.Sms;

/// <summary>A code is on its way by SMS.</summary>
/// <param name="MaskedPhoneNumber">Where it went, masked (e.g. "+44 •••• ••••23").</param>
/// <param name="ExpiresAt">Until when the code is accepted.</param>
/// <param name="ResendAvailableAt">When a new code may be asked for.</param>
public sealed record SmsCodeSent(string MaskedPhoneNumber, DateTimeOffset ExpiresAt, DateTimeOffset ResendAvailableAt);

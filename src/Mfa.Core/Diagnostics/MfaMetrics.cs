using System.Diagnostics.Metrics;

namespace Mfa.Diagnostics;

/// <summary>
/// Counters under the meter <c>Mfa</c>. Tags are outcomes, methods and error codes: never a user, code or phone number.
/// </summary>
internal sealed class MfaMetrics : IDisposable
{
    /// <summary>The meter name to listen to (e.g. <c>dotnet-counters monitor --counters Mfa</c>).</summary>
    public const string MeterName = "Mfa";

    private readonly Meter _meter;
    private readonly Counter<long> _verifications;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _enrollments;
    private readonly Counter<long> _smsSends;

    public MfaMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _verifications = _meter.CreateCounter<long>("mfa.verifications", "{verification}", "Second-factor verifications, by method and outcome.");
        _lockouts = _meter.CreateCounter<long>("mfa.lockouts", "{lockout}", "Users locked out after repeated failures.");
        _enrollments = _meter.CreateCounter<long>("mfa.enrollments", "{enrollment}", "Enrolments, by method and stage (started, activated).");
        _smsSends = _meter.CreateCounter<long>("mfa.sms.sends", "{message}", "SMS send attempts, by outcome.");
    }

    public void Verification(MfaMethod? method, string outcome)
    {
        if (!_verifications.Enabled)
        {
            return;
        }

        _verifications.Add(1, new KeyValuePair<string, object?>("mfa.method", method?.ToString() ?? "unknown"), new KeyValuePair<string, object?>("mfa.outcome", outcome));
    }

    public void Lockout()
    {
        if (_lockouts.Enabled)
        {
            _lockouts.Add(1);
        }
    }

    public void Enrollment(MfaMethod method, string stage)
    {
        if (!_enrollments.Enabled)
        {
            return;
        }

        _enrollments.Add(1, new KeyValuePair<string, object?>("mfa.method", method.ToString()), new KeyValuePair<string, object?>("mfa.stage", stage));
    }

    public void SmsSend(string outcome)
    {
        if (_smsSends.Enabled)
        {
            _smsSends.Add(1, new KeyValuePair<string, object?>("mfa.outcome", outcome));
        }
    }

    public void Dispose() => _meter.Dispose();
}

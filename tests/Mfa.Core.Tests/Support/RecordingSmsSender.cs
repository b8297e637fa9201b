using Mfa.Sms;

namespace Mfa.Core.Tests.Support;

/// <summary>Records every message it is asked to send; answers with <see cref="Respond"/> (accepted by default).</summary>
internal sealed class RecordingSmsSender : ISmsSender
{
    private readonly Lock _gate = new();
    private readonly List<SentSms> _all = [];

    /// <summary>What to answer; may throw to simulate a misbehaving provider client.</summary>
    public Func<SmsMessage, SmsSendResult> Respond { get; set; } = _ => SmsSendResult.Accepted("SM" + Guid.NewGuid().ToString("N"));

    public TimeProvider? Clock { get; set; }

    /// <summary>Every message the engine handed over, accepted or not.</summary>
    public IReadOnlyList<SentSms> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Messages that were accepted (a user would receive these).</summary>
    public IReadOnlyList<SentSms> Accepted => All.Where(s => s.Result?.IsAccepted == true).ToList();

    public ValueTask<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var entry = new SentSms(message, Clock?.GetUtcNow() ?? DateTimeOffset.MinValue);
        lock (_gate)
        {
            _all.Add(entry);
        }

        entry.Result = Respond(message);
        return ValueTask.FromResult(entry.Result);
    }
}

internal sealed class SentSms(SmsMessage message, DateTimeOffset at)
{
    public SmsMessage Message { get; } = message;

    public DateTimeOffset At { get; } = at;

    public SmsSendResult? Result { get; set; }
}

using Mfa.Audit;

namespace Mfa.Core.Tests.Support;

/// <summary>Records the events the engine publishes, and what the store looked like at that moment if asked.</summary>
internal sealed class RecordingEventListener : IMfaEventListener
{
    private readonly Lock _gate = new();
    private readonly List<MfaEvent> _events = [];

    public Func<MfaEvent, ValueTask>? OnEvent { get; set; }

    public IReadOnlyList<MfaEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public async ValueTask HandleAsync(MfaEvent mfaEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(mfaEvent);
        }

        if (OnEvent is { } callback)
        {
            await callback(mfaEvent);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }
}

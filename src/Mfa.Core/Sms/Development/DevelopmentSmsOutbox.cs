using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Mfa.Sms.Development;

/// <summary>
/// An <see cref="ISmsSender"/> for development and tests that sends nothing: each message is appended to a JSON Lines
/// file (<c>{"id":…,"to":…,"body":…,"sentAt":…}</c>) that samples, CLIs and tests read back with
/// <see cref="ReadAllAsync"/>. <b>Not for production</b>: the file holds codes and phone numbers in clear. Register it
/// with <c>services.AddMfa(...).AddDevelopmentSmsOutbox()</c>.
/// </summary>
/// <remarks>
/// Several processes (a web app and a CLI) may share one file: writers take an exclusive lock on it and readers a
/// shared one (<see cref="FileShare"/>), and a busy file is retried for a few seconds.
/// </remarks>
public sealed class DevelopmentSmsOutbox : ISmsSender
{
    private const int MaxLockAttempts = 200;
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(15);

    private readonly TimeProvider _time;
    private readonly bool _simulateTestNumbers;

    /// <summary>Creates an outbox from options (the constructor dependency injection uses).</summary>
    /// <param name="options">Where the file is and whether Twilio's test numbers fail.</param>
    /// <param name="timeProvider">The clock for <see cref="DevelopmentSmsMessage.SentAt"/>.</param>
    public DevelopmentSmsOutbox(IOptions<DevelopmentSmsOutboxOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Path))
        {
            throw new ArgumentException("DevelopmentSmsOutboxOptions.Path must name a file, e.g. \"mfa-sms-outbox.jsonl\".", nameof(options));
        }

        Path = System.IO.Path.GetFullPath(settings.Path);
        _simulateTestNumbers = settings.SimulateTwilioTestNumbers;
        _time = timeProvider;
    }

    /// <summary>Creates an outbox over <paramref name="path"/>, e.g. to read from a CLI what a web app sent.</summary>
    /// <param name="path">The file; <see langword="null"/> for <see cref="DevelopmentSmsOutboxOptions.DefaultPath"/> in the current directory.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    public DevelopmentSmsOutbox(string? path = null, TimeProvider? timeProvider = null)
        : this(Options.Create(new DevelopmentSmsOutboxOptions { Path = path ?? DevelopmentSmsOutboxOptions.DefaultPath }), timeProvider ?? TimeProvider.System)
    {
    }

    /// <summary>The full path of the outbox file.</summary>
    public string Path { get; }

    /// <summary>
    /// Appends the message to the outbox and reports it accepted with a generated message id, or fails like Twilio for
    /// its test numbers (see <see cref="DevelopmentSmsOutboxOptions.SimulateTwilioTestNumbers"/>).
    /// </summary>
    public async ValueTask<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (_simulateTestNumbers && SimulatedFailure(message.To) is { } failure)
        {
            return failure;
        }

        var sentAt = _time.GetUtcNow();
        var entry = new DevelopmentSmsMessage("dev-" + Guid.CreateVersion7(sentAt).ToString("N"), message.To, message.Body, sentAt);
        var line = JsonSerializer.Serialize(entry, DevelopmentSmsJsonContext.Default.DevelopmentSmsMessage) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);

        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using (var stream = await OpenAsync(FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, cancellationToken))
        {
            // Seek under the lock: another process may have appended since the file was opened.
            stream.Seek(0, SeekOrigin.End);
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        return SmsSendResult.Accepted(entry.Id);
    }

    /// <summary>Reads every message in the outbox, oldest first and newest last. An absent file is an empty outbox.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages; a line that is not a complete message (a writer crashed mid-line) is skipped.</returns>
    public async Task<IReadOnlyList<DevelopmentSmsMessage>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        string text;
        try
        {
            await using var stream = await OpenAsync(FileMode.Open, FileAccess.Read, FileShare.Read, cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return [];
        }

        var messages = new List<DevelopmentSmsMessage>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize(line, DevelopmentSmsJsonContext.Default.DevelopmentSmsMessage) is { } message)
                {
                    messages.Add(message);
                }
            }
            catch (JsonException)
            {
                // A torn line: skip it rather than make the whole outbox unreadable.
            }
        }

        return messages;
    }

    /// <summary>Empties the outbox (the file is kept, with no messages).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return;
        }

        await using var stream = await OpenAsync(FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, cancellationToken);

        // Truncate under the lock (FileMode.Truncate would truncate before the lock is taken).
        stream.SetLength(0);
    }

    /// <inheritdoc />
    public override string ToString() => $"Development SMS outbox at {Path}";

    private async Task<FileStream> OpenAsync(FileMode mode, FileAccess access, FileShare share, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(Path, mode, access, share);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException && attempt < MaxLockAttempts)
            {
                // Another writer (or reader) holds the file: wait briefly. Real time on purpose, not the TimeProvider,
                // whose clock may be a test's frozen one.
                await Task.Delay(LockRetryDelay, cancellationToken);
            }
        }
    }

    private static SmsSendResult? SimulatedFailure(string to) => to switch
    {
        "+15005550001" => SmsSendResult.Failed(SmsSendStatus.InvalidRecipient, "21211"),
        "+15005550002" => SmsSendResult.Failed(SmsSendStatus.DestinationNotAllowed, "21612"),
        "+15005550003" => SmsSendResult.Failed(SmsSendStatus.DestinationNotAllowed, "21408"),
        "+15005550004" => SmsSendResult.Failed(SmsSendStatus.RecipientOptedOut, "21610"),
        "+15005550009" => SmsSendResult.Failed(SmsSendStatus.InvalidRecipient, "21614"),
        _ => null,
    };
}

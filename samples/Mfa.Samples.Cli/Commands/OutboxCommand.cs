using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Sms.Development;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>outbox</c>: the development SMS messages "sent" so far, newest last (the stand-in for a phone).</summary>
internal static class OutboxCommand
{
    public static Command Create() => new Command("outbox", "Print the development SMS outbox (the codes sent by enroll --method sms and signin --send-sms), newest last.")
        .WithAction(async (_, session, cancellationToken) =>
        {
            var outbox = session.Get<DevelopmentSmsOutbox>();
            var messages = await outbox.ReadAllAsync(cancellationToken);
            return CliResult.Ok(
                new JsonObject
                {
                    ["file"] = outbox.Path,
                    ["messages"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
                    {
                        ["id"] = m.Id,
                        ["sent_at"] = Format.Time(m.SentAt),
                        ["to"] = m.To,
                        ["body"] = m.Body,
                    }).ToArray()),
                },
                text =>
                {
                    text.WriteLine($"outbox: {messages.Count} message(s) in {outbox.Path}, newest last");
                    foreach (var message in messages)
                    {
                        text.WriteLine($"  {Format.Time(message.SentAt)}  {message.To}  {message.Body.ReplaceLineEndings(" ")}");
                    }
                });
        });
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Audit;
using Mfa.Stores;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>audit ORG --actor OWNER [--limit N]</c>: the organization's audit trail, newest first.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var organization = CliSymbols.Organization();
        var actor = CliSymbols.Actor("The Owner reading the trail (must be an Owner of ORG).");
        var limit = new Option<int>("--limit") { Description = $"How many entries, newest first (1 to {MfaAuditService.MaxPageSize}).", HelpName = "N", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MfaAuditService.MaxPageSize)
            {
                result.AddError($"--limit must be between 1 and {MfaAuditService.MaxPageSize}.");
            }
        });

        return new Command("audit", "List an organization's MFA audit trail, newest first (Owners only).")
        {
            organization, actor, limit,
        }.WithAction(async (parsed, session, cancellationToken) =>
        {
            var org = parsed.GetRequiredValue(organization);
            var page = await session.Get<MfaAuditService>().ListAsync(parsed.UserId(actor), org, 0, parsed.GetValue(limit), cancellationToken);
            return page.Succeeded ? Print(org, page.Value) : CliResult.Fail(page.Error);
        });
    }

    private static CliResult Print(string organization, MfaAuditPage page) => CliResult.Ok(
        new JsonObject
        {
            ["organization"] = organization,
            ["records"] = new JsonArray(page.Records.Select(r => (JsonNode)new JsonObject
            {
                ["occurred_at"] = Format.Time(r.OccurredAt),
                ["event"] = r.EventType,
                ["user"] = r.UserId,
                ["actor"] = r.ActorUserId,
                ["method"] = Format.Method(r.Method),
                ["detail"] = r.Detail,
            }).ToArray()),
            ["has_more"] = page.HasMore,
        },
        text =>
        {
            text.WriteLine($"audit: {organization}, newest first ({page.Records.Count}{(page.HasMore ? ", more with --limit" : "")})");
            foreach (var record in page.Records)
            {
                text.WriteLine(Line(record));
            }
        });

    private static string Line(MfaAuditRecord record)
    {
        var parts = new List<string> { Format.Time(record.OccurredAt), record.EventType.PadRight(20), record.UserId ?? "-" };
        if (record.ActorUserId is { } actor)
        {
            parts.Add($"by {actor}");
        }

        if (record.Method is { } method)
        {
            parts.Add(Format.Method(method));
        }

        if (!string.IsNullOrEmpty(record.Detail))
        {
            parts.Add(record.Detail);
        }

        return "  " + string.Join("  ", parts);
    }
}

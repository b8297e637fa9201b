using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Samples.Data;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>demo-seed</c>: adds the demo organizations and users (acme, globex) that are missing.</summary>
internal static class DemoSeedCommand
{
    public static Command Create() => new Command("demo-seed", "Add the demo organizations and users: acme (owner@acme.test Owner, alice@acme.test, bob@acme.test) and globex (owner@globex.test Owner). MFA is not yet required.")
        .WithAction(async (_, session, cancellationToken) =>
        {
            var added = await DemoData.SeedAsync(session.Get<SampleDbContext>(), cancellationToken);
            var users = new JsonArray(DemoData.Users
                .Select(u => (JsonNode)new JsonObject { ["email"] = u.Email, ["organization"] = u.OrganizationId, ["role"] = u.Role.ToString() })
                .ToArray());
            return CliResult.Ok(
                new JsonObject { ["database"] = session.Paths.Database, ["users_added"] = added, ["users"] = users },
                text =>
                {
                    text.WriteLine($"seeded: {added} user(s) added to {session.Paths.Database}");
                    foreach (var (email, _, organization, role) in DemoData.Users)
                    {
                        text.WriteLine($"  {organization,-7} {email,-18} {role}");
                    }

                    text.WriteLine($"  (password for all: {DemoData.Password}; MFA not yet required)");
                });
        });
}

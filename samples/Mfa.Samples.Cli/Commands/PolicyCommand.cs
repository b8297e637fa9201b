using System.CommandLine;
using System.Text.Json.Nodes;
using Mfa.Policy;

namespace Mfa.Samples.Cli.Commands;

/// <summary><c>policy ORG --actor USER [--require-mfa on|off] [--sms on|off]</c>: reads or changes an organization's policy.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var organization = CliSymbols.Organization();
        var actor = CliSymbols.Actor("Who asks: any member may read the policy; only an Owner of ORG may change it.");
        var requireMfa = CliSymbols.OnOff("--require-mfa", "Require MFA for every user of ORG (off also turns SMS off).");
        var sms = CliSymbols.OnOff("--sms", "Allow SMS for all users (only while MFA is required; otherwise app only).");
        return new Command("policy", "Print an organization's MFA policy, or change it (Owners only).")
        {
            organization, actor, requireMfa, sms,
        }.WithAction(async (parsed, session, cancellationToken) =>
        {
            var policies = session.Get<MfaPolicyService>();
            var org = parsed.GetRequiredValue(organization);
            var change = new MfaPolicyChange { RequireMfa = parsed.GetOnOff(requireMfa), AllowSms = parsed.GetOnOff(sms) };
            var result = change is { RequireMfa: null, AllowSms: null }
                ? await policies.GetAsync(parsed.UserId(actor), org, cancellationToken)
                : await policies.ChangeAsync(parsed.UserId(actor), org, change, cancellationToken);
            return result.Succeeded ? Print(result.Value, changed: change is not { RequireMfa: null, AllowSms: null }) : CliResult.Fail(result.Error);
        });
    }

    private static CliResult Print(MfaPolicy policy, bool changed) => CliResult.Ok(
        new JsonObject
        {
            ["organization"] = policy.OrganizationId,
            ["changed"] = changed,
            ["require_mfa"] = policy.RequireMfa,
            ["allow_sms"] = policy.AllowSms,
            ["grace_period"] = policy.EnrollmentGracePeriod?.ToString(),
            ["required_since"] = Format.Time(policy.RequiredSince),
        },
        text =>
        {
            text.WriteLine($"organization: {policy.OrganizationId}{(changed ? " (changed)" : "")}");
            text.WriteLine($"require-mfa: {Format.OnOff(policy.RequireMfa)}");
            text.WriteLine($"sms: {Format.OnOff(policy.AllowSms)}{(policy.RequireMfa ? "" : " (applies once MFA is required; until then users may enrol app or SMS)")}");
            if (policy.RequiredSince is { } since)
            {
                text.WriteLine($"required-since: {Format.Time(since)}");
            }

            if (policy.EnrollmentGracePeriod is { } grace)
            {
                text.WriteLine($"grace-period: {grace}");
            }
        });
}

using FsCheck;
using FsCheck.Fluent;
using Mfa.Audit;
using Mfa.Core.Tests.Support;
using Mfa.Policy;
using Mfa.SignIn;
using Mfa.Stores;
using Mfa.Users;

namespace Mfa.Core.Tests.Policy;

/// <summary>
/// Random operations by random actors across three organizations: the engine's authorization and state rules hold
/// whatever the order.
/// </summary>
public sealed class AuthorizationPropertyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Per org: an Owner and two Members; plus a user outside any organization.
    private const int Loner = 8;

    private static readonly (string Id, string? Org, MfaRole Role)[] People =
    [
        ("o1", "org-1", MfaRole.Owner), ("m1a", "org-1", MfaRole.Member), ("m1b", "org-1", MfaRole.Member),
        ("o2", "org-2", MfaRole.Owner), ("m2a", "org-2", MfaRole.Member), ("m2b", "org-2", MfaRole.Member),
        ("o3", "org-3", MfaRole.Owner), ("m3a", "org-3", MfaRole.Member),
        ("loner", null, MfaRole.Member),
    ];

    private static readonly string[] Orgs = ["org-1", "org-2", "org-3"];

    private static readonly string[] StateChangeKinds =
        [MfaEventTypes.PolicyChanged, MfaEventTypes.AdminReset, MfaEventTypes.SelfReset, MfaEventTypes.FactorRemoved, MfaEventTypes.EnrollmentActivated];

    private abstract record Op;

    private sealed record ChangePolicy(int Actor, int Org, bool? Require, bool? AllowSms) : Op;

    private sealed record AdminReset(int Actor, int Target) : Op;

    private sealed record SelfReset(int User) : Op;

    private sealed record Disable(int User) : Op;

    private sealed record EnrolApp(int User) : Op;

    private sealed record BeginOnly(int User) : Op;

    private sealed record Verify(int User) : Op;

    private sealed record Wait(int Minutes) : Op;

    private static Gen<Op[]> Ops()
    {
        var person = Gen.Choose(0, People.Length - 1);
        var maybe = Gen.Elements<bool?>(null, true, false);
        return Gen.ArrayOf(Gen.Frequency(
            (3, from a in person from o in Gen.Choose(0, 2) from r in maybe from s in maybe select (Op)new ChangePolicy(a, o, r, s)),
            (3, from a in person from t in person select (Op)new AdminReset(a, t)),
            (2, person.Select(u => (Op)new SelfReset(u))),
            (2, person.Select(u => (Op)new Disable(u))),
            (3, person.Select(u => (Op)new EnrolApp(u))),
            (1, person.Select(u => (Op)new BeginOnly(u))),
            (2, person.Select(u => (Op)new Verify(u))),
            (1, Gen.Choose(1, 10).Select(m => (Op)new Wait(m)))));
    }

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public Property PolicyResetsAndDisable_FollowTheRules() =>
        Prop.ForAll(Ops().ToArbitrary(), ops => Sync.Run(async () =>
        {
            using var host = new EngineHost();
            foreach (var (id, org, role) in People)
            {
                host.AddUser(id, org, role);
            }

            var keys = new Dictionary<string, string>();
            var wasReset = new HashSet<string>();
            var step = 0;
            foreach (var op in ops)
            {
                step++;
                var auditBefore = (await AllAuditAsync(host)).Select(r => r.Id).ToHashSet();
                host.Events.Clear();
                string? expectKind = null;
                switch (op)
                {
                    case ChangePolicy(var a, var o, var require, var allowSms):
                    {
                        var actor = People[a];
                        var before = await ((IMfaPolicyStore)host.Store).FindAsync(Orgs[o], Ct);
                        var result = await host.Policy.ChangeAsync(actor.Id, Orgs[o], new MfaPolicyChange { RequireMfa = require, AllowSms = allowSms }, Ct);
                        var permitted = actor.Role == MfaRole.Owner && actor.Org == Orgs[o];
                        if (!permitted)
                        {
                            Check(!result.Succeeded && result.Error.Code is MfaErrorCodes.NotPermitted or MfaErrorCodes.OtherOrganization, step, "policy change by non-owner");
                            var after = await ((IMfaPolicyStore)host.Store).FindAsync(Orgs[o], Ct);
                            Check(after?.UpdatedAt == before?.UpdatedAt && after?.RequireMfa == before?.RequireMfa && after?.AllowSms == before?.AllowSms, step, "policy store changed");
                        }

                        expectKind = result.Succeeded ? MfaEventTypes.PolicyChanged : null;
                        break;
                    }

                    case AdminReset(var a, var t):
                    {
                        var (actor, target) = (People[a], People[t]);
                        var factorsBefore = await ((IMfaFactorStore)host.Store).FindActiveAsync(target.Id, Ct);
                        var result = await host.Reset.ResetUserAsync(actor.Id, target.Id, Ct);
                        var permitted = actor.Role == MfaRole.Owner && actor.Org is not null && actor.Org == target.Org;
                        Check(result.Succeeded == permitted, step, $"admin reset by {actor.Id} of {target.Id}: {result}");
                        if (!permitted)
                        {
                            Check(result.Error!.Code is MfaErrorCodes.NotPermitted or MfaErrorCodes.OtherOrganization, step, "refusal code");
                            var after = await ((IMfaFactorStore)host.Store).FindActiveAsync(target.Id, Ct);
                            Check(after?.Id == factorsBefore?.Id, step, "refused reset changed factors");
                        }
                        else
                        {
                            wasReset.Add(target.Id);
                            expectKind = MfaEventTypes.AdminReset;
                        }

                        break;
                    }

                    case SelfReset(var u):
                    {
                        var user = People[u];
                        var requires = user.Org is not null && (await ((IMfaPolicyStore)host.Store).FindAsync(user.Org, Ct))?.RequireMfa == true;
                        var result = await host.Reset.ResetSelfAsync(user.Id, Ct);
                        Check(result.Succeeded == requires, step, $"self reset of {user.Id}: {result}");
                        if (result.Succeeded)
                        {
                            wasReset.Add(user.Id);
                            expectKind = MfaEventTypes.SelfReset;
                        }
                        else
                        {
                            Check(result.Error.Code == MfaErrorCodes.SelfResetNotAllowed, step, "self reset code");
                        }

                        break;
                    }

                    case Disable(var u):
                    {
                        var user = People[u];
                        var requires = user.Org is not null && (await ((IMfaPolicyStore)host.Store).FindAsync(user.Org, Ct))?.RequireMfa == true;
                        var result = await host.Enrollment.DisableAsync(user.Id, Ct);
                        Check(!(requires && result.Succeeded), step, "disabled while required");
                        if (requires)
                        {
                            Check(result.Error?.Code == MfaErrorCodes.RequiredByOrganization, step, "disable refusal code");
                        }

                        expectKind = result.Succeeded ? MfaEventTypes.FactorRemoved : null;
                        break;
                    }

                    case EnrolApp(var u):
                    {
                        var user = People[u];
                        host.Time.Advance(TimeSpan.FromSeconds(31));
                        keys[user.Id] = await host.EnrolAppAsync(user.Id);
                        wasReset.Remove(user.Id);
                        expectKind = MfaEventTypes.EnrollmentActivated;
                        break;
                    }

                    case BeginOnly(var u):
                        await host.Enrollment.BeginAuthenticatorAppAsync(People[u].Id, null, Ct);
                        break;

                    case Verify(var u) when keys.TryGetValue(People[u].Id, out var key):
                        host.Time.Advance(TimeSpan.FromSeconds(31));
                        await host.SignIn.VerifyAsync(People[u].Id, host.TotpNow(key), Ct);
                        break;

                    case Wait(var minutes):
                        host.Time.Advance(TimeSpan.FromMinutes(minutes));
                        break;
                }

                // Exactly one record of a state-change kind per successful change, none for refusals.
                var added = (await AllAuditAsync(host)).Where(r => !auditBefore.Contains(r.Id)).Where(r => StateChangeKinds.Contains(r.EventType)).ToList();
                // (The loner has no organization, so no readable trail.)
                var aboutLoner = op is EnrolApp(Loner) or Disable(Loner) or SelfReset(Loner);
                Check(aboutLoner || (expectKind is null ? added.Count == 0 : added.Count == 1 && added[0].EventType == expectKind), step, $"audit after {op}: {string.Join(',', added.Select(r => r.EventType))}");
                if (expectKind is MfaEventTypes.AdminReset or MfaEventTypes.SelfReset)
                {
                    Check(host.Events.Events.Any(e => e.EventType == expectKind && e.EndsSessions), step, "reset event not published");
                }

                // Until they activate again, a reset user must enrol (MfaWasReset) at sign-in.
                foreach (var id in wasReset)
                {
                    var requirement = (await host.SignIn.GetRequirementAsync(id, Ct)).Value;
                    Check(requirement is { Step: MfaSignInStep.Enrollment, Reason: MfaEnrollmentReason.MfaWasReset }, step, $"{id} after reset: {requirement}");
                    keys.Remove(id);
                }
            }

            return true;
        }));

    private static async Task<List<MfaAuditRecord>> AllAuditAsync(EngineHost host)
    {
        var all = new List<MfaAuditRecord>();
        foreach (var org in Orgs)
        {
            all.AddRange(await host.Store.ListAsync(org, 0, int.MaxValue, Ct));
        }

        return all;
    }

    private static void Check(bool condition, int step, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"step {step}: {what}");
        }
    }
}

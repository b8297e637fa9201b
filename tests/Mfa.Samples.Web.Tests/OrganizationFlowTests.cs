using System.Text.RegularExpressions;
using Mfa.Samples.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mfa.Samples.Web.Tests;

/// <summary>
/// The Owner's flows of the help article, as one story on one organization (each step depends on the one before):
/// require MFA, allow SMS, reset a user (their open session ends), self reset, audit trail.
/// </summary>
public sealed class OrganizationFlowTests(SampleAppFixture app) : IClassFixture<SampleAppFixture>
{
    private const string Owner = "owner@acme.test";
    private const string Alice = "alice@acme.test";
    private const string Bob = "bob@acme.test";

    [Fact]
    public async Task Owner_RequiresMfa_AllowsSms_ResetsUser_UserSelfResets_AuditTrailShowsIt()
    {
        app.RequireBrowser();

        // The Owner turns "require MFA" on; "allow SMS for all users" appears, off.
        var owner = await app.NewSessionAsync();
        await Flows.SignInAsync(app, owner, Owner);
        await owner.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Account Settings" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Switch, new() { Name = "Require MFA for all users" })).ToHaveAttributeAsync("aria-checked", "false");
        await owner.GetByRole(AriaRole.Switch, new() { Name = "Require MFA for all users" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync("MFA is now required");
        await Expect(owner.GetByRole(AriaRole.Switch, new() { Name = "Require MFA for all users" })).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(owner.GetByRole(AriaRole.Switch, new() { Name = "Allow SMS for all users" })).ToHaveAttributeAsync("aria-checked", "false");
        await Flows.ScreenshotAsync(owner, "account-settings");

        // Alice has no MFA: at her next sign-in she must enrol, with an app only (SMS not allowed yet).
        var alice = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(alice, Alice);
        await Expect(alice).ToHaveURLAsync(new Regex("/SignIn/Enroll"));
        await Expect(alice.GetByRole(AriaRole.Status)).ToContainTextAsync("Your organization requires multi-factor authentication");
        await Flows.ScreenshotAsync(alice, "signin-enrol-required");
        await Expect(alice.GetByRole(AriaRole.Link, new() { Name = "Personal Settings" })).ToHaveCountAsync(0);
        Assert.Equal(302, (await alice.APIRequest.GetAsync("/Settings/Personal", new() { MaxRedirects = 0 })).Status);
        await alice.GetByLabel("Country").SelectOptionAsync("GB");
        await alice.GetByLabel("Phone number").FillAsync("07400 123456");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(alice.GetByLabel("Text message (SMS)")).ToBeDisabledAsync();
        await Expect(alice.GetByText("allows only authenticator apps")).ToBeVisibleAsync();
        await Flows.ChooseAppAndActivateAsync(app, alice, Alice);
        await alice.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();

        // The Owner allows SMS: Bob enrols by SMS at his next sign-in.
        await owner.GetByRole(AriaRole.Switch, new() { Name = "Allow SMS for all users" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Switch, new() { Name = "Allow SMS for all users" })).ToHaveAttributeAsync("aria-checked", "true");
        var bob = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(bob, Bob);
        await Expect(bob).ToHaveURLAsync(new Regex("/SignIn/Enroll"));
        await Flows.EnrolSmsAsync(app, bob, Bob, "GB", "07400 123457", "+447400123457");
        await bob.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();

        // Users: each user's MFA; the Owner resets Alice's.
        await owner.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Expect(owner.Locator("tr[data-user='alice@acme.test'] .mfa-status")).ToHaveTextAsync("On (authenticator app)");
        await Expect(owner.Locator("tr[data-user='bob@acme.test'] .mfa-status")).ToContainTextAsync("On (SMS");
        await Expect(owner.Locator("tr[data-user='owner@acme.test'] .mfa-status")).ToContainTextAsync("must set up");
        await Flows.ScreenshotAsync(owner, "users");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Reset MFA for alice@acme.test" }).ClickAsync();
        await Flows.ScreenshotAsync(owner, "reset-user-confirm");
        await owner.GetByRole(AriaRole.Button, new() { Name = "YES, RESET IT" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync("MFA was reset for alice@acme.test");
        await Expect(owner.Locator("tr[data-user='alice@acme.test'] .mfa-status")).ToHaveTextAsync("Reset: must set up at next sign-in");

        // Alice's open session has ended; signing in again asks her to set up MFA again.
        await alice.GotoAsync("/Settings/Personal");
        await Expect(alice).ToHaveURLAsync(new Regex("/Account/Login"));
        await Flows.SubmitPasswordAsync(alice, Alice);
        await Expect(alice).ToHaveURLAsync(new Regex("/SignIn/Enroll"));
        await Expect(alice.GetByRole(AriaRole.Status)).ToContainTextAsync("was reset");

        // Bob resets his own MFA token (allowed: the organization requires MFA) and is signed out.
        await bob.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Personal Settings" }).ClickAsync();
        await bob.GetByRole(AriaRole.Link, new() { Name = "Reset your MFA token" }).ClickAsync();
        await Flows.ScreenshotAsync(bob, "self-reset-confirm");
        await bob.GetByRole(AriaRole.Button, new() { Name = "YES, DELETE IT" }).ClickAsync();
        await Expect(bob).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(bob.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out");
        await bob.GotoAsync("/");
        await Expect(bob).ToHaveURLAsync(new Regex("/Account/Login"));
        await Flows.SubmitPasswordAsync(bob, Bob);
        await Expect(bob).ToHaveURLAsync(new Regex("/SignIn/Enroll"));

        // The audit trail has it all, newest first, in pages.
        await owner.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        var table = owner.Locator("table");
        await Expect(table).ToContainTextAsync("reset.self");
        await Expect(table).ToContainTextAsync("reset.admin");
        await Flows.ScreenshotAsync(owner, "audit-trail");
        var older = owner.GetByRole(AriaRole.Link, new() { Name = "Older" });
        await Expect(older).ToBeVisibleAsync();
        await older.ClickAsync();
        await Expect(table).ToContainTextAsync("policy.changed");
        await Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Newer" })).ToBeVisibleAsync();
    }
}

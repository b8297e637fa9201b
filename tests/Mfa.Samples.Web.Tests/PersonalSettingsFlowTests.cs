using System.Text.RegularExpressions;
using Mfa.Samples.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mfa.Samples.Web.Tests;

/// <summary>A user's own MFA: enrol with an app or by SMS, sign in with each factor and a recovery code, turn it off; Owner pages refused to others.</summary>
public sealed class PersonalSettingsFlowTests(SampleAppFixture app) : IClassFixture<SampleAppFixture>
{
    [Fact]
    public async Task AuthenticatorApp_EnrolSignInReplayRecoveryCodeAndDisable()
    {
        app.RequireBrowser();
        const string alice = "alice@acme.test";
        var page = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(page, alice);
        await Expect(page).ToHaveURLAsync(new Regex(@"/$"));

        // Personal Settings: the MFA tile is off; its toggle starts the wizard.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Personal Settings" }).ClickAsync();
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("Off");
        await Flows.ScreenshotAsync(page, "personal-settings-off");
        await page.GetByRole(AriaRole.Switch, new() { Name = "Multi-factor authentication" }).ClickAsync();
        await Flows.EnrolAppAsync(app, page, alice, screenshots: "enrol-app");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("On");
        await Flows.ScreenshotAsync(page, "personal-settings-on");

        // Self reset is only for organizations that require MFA: the engine says to ask an Owner.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset your MFA token" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "YES, DELETE IT" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ask an Owner");

        // Sign in with the app's code.
        var factor = app.Factors[alice];
        var second = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(second, alice);
        await Expect(second).ToHaveURLAsync(new Regex("/SignIn/Challenge"));
        await Flows.ScreenshotAsync(second, "signin-challenge-app");
        var code = await Flows.NextTotpCodeAsync(factor);
        await Flows.EnterCodeAsync(second, code, "Verify");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();

        // The same code again is refused: each time step is accepted once.
        var third = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(third, alice);

        // Password checked, second factor pending: nothing but the second-factor pages is reachable (not enrolment,
        // which would replace the factor, and not the signed-in pages).
        foreach (var path in new[] { "/SignIn/Enroll", "/Settings/Personal", "/Settings/Enroll", "/" })
        {
            await third.GotoAsync(path);
            await Expect(third).ToHaveURLAsync(new Regex("/Account/Login"));
        }

        await third.GotoAsync("/SignIn/Challenge");
        await Flows.EnterCodeAsync(third, code, "Verify");
        await Expect(third.GetByRole(AriaRole.Alert)).ToContainTextAsync("already been used");
        await Expect(third).ToHaveURLAsync(new Regex("/SignIn/Challenge"));

        // A recovery code instead of the app; it works once.
        await third.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await Flows.ScreenshotAsync(third, "signin-recovery-code");
        await third.GetByLabel("Recovery code").FillAsync(factor.RecoveryCodes[0]);
        await third.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(third.GetByRole(AriaRole.Status)).ToContainTextAsync("9 left");

        var fourth = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(fourth, alice);
        await fourth.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await fourth.GetByLabel("Recovery code").FillAsync(factor.RecoveryCodes[0]);
        await fourth.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(fourth.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(fourth).ToHaveURLAsync(new Regex("/SignIn/Recovery"));

        // Turning MFA off (organization does not require it) ends the other sessions but keeps this one.
        await page.GotoAsync("/Settings/Personal");
        await page.GetByRole(AriaRole.Switch, new() { Name = "Multi-factor authentication" }).ClickAsync();
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("Off");
        await second.ReloadAsync();
        await Expect(second).ToHaveURLAsync(new Regex("/Account/Login"));
        await Flows.SubmitPasswordAsync(fourth, alice);
        await Expect(fourth).ToHaveURLAsync(new Regex(@"/$"));
    }

    [Fact]
    public async Task Sms_EnrolWithOutboxCode_SignInWithSentCode()
    {
        app.RequireBrowser();
        const string bob = "bob@acme.test";
        var page = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(page, bob);
        await page.GotoAsync("/Settings/Enroll");
        await Flows.EnrolSmsAsync(app, page, bob, "GB", "07400 123456", "+447400123456", screenshots: "enrol");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByText("codes by SMS")).ToBeVisibleAsync();

        var second = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(second, bob);
        await Expect(second).ToHaveURLAsync(new Regex("/SignIn/Challenge"));
        await Expect(second.GetByText("We can text a code to")).ToBeVisibleAsync();
        var before = await app.OutboxCountAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent a code");
        await Flows.ScreenshotAsync(second, "signin-challenge-sms");
        var code = await app.ReadSmsCodeAsync("+447400123456", before);

        // The development outbox page shows the message.
        var outbox = await app.NewSessionAsync();
        await outbox.GotoAsync("/Dev/SmsOutbox");
        await Expect(outbox.Locator("#outbox")).ToContainTextAsync(code);
        await Flows.ScreenshotAsync(outbox, "sms-outbox");

        await Flows.EnterCodeAsync(second, code, "Verify");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();

        // An SMS code is single use.
        var third = await app.NewSessionAsync();
        await Flows.SubmitPasswordAsync(third, bob);
        await Flows.EnterCodeAsync(third, code, "Verify");
        await Expect(third.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(third).ToHaveURLAsync(new Regex("/SignIn/Challenge"));
    }

    [Fact]
    public async Task Restart_KeepsSessionsAndAuthenticatorSecrets()
    {
        app.RequireBrowser();
        const string globex = "owner@globex.test";
        var page = await app.NewSessionAsync();
        await Flows.SignInAsync(app, page, globex);
        if (!app.Factors.ContainsKey(globex))
        {
            await page.GotoAsync("/Settings/Enroll");
            await Flows.EnrolAppAsync(app, page, globex);
        }

        // Data Protection keys live next to the database: cookies and encrypted TOTP secrets stay readable.
        await app.RestartAsync();
        await page.GotoAsync("/Settings/Personal");
        await Expect(page.Locator("#mfa-status")).ToHaveTextAsync("On");
        var again = await app.NewSessionAsync();
        await Flows.SignInAsync(app, again, globex);
    }

    [Fact]
    public async Task NonOwner_GetsForbidden_OnOwnerPagesAndActions_AndOwnersCannotActAcrossOrganizations()
    {
        app.RequireBrowser();
        var login = await app.NewSessionAsync();
        await login.GotoAsync("/Account/Login");
        await Expect(login.GetByText("owner@acme.test")).ToBeVisibleAsync();
        await Flows.ScreenshotAsync(login, "login");

        var member = await app.NewSessionAsync();
        await Flows.SignInAsync(app, member, "bob@acme.test");
        foreach (var path in new[] { "/Admin/Account", "/Admin/Users", "/Admin/Audit", "/Admin/ResetUser?userId=alice@acme.test" })
        {
            var response = await member.GotoAsync(path);
            Assert.Equal(403, response!.Status);
        }

        await Flows.ScreenshotAsync(member, "forbidden");
        var post = await member.APIRequest.PostAsync("/Admin/Account?handler=RequireMfa", new() { Form = member.APIRequest.CreateFormData().Set("value", "true") });
        Assert.Equal(403, post.Status);
        await Expect(member.GetByRole(AriaRole.Link, new() { Name = "Account Settings" })).ToHaveCountAsync(0);

        // Every form carries an antiforgery token: a forged cross-site POST is refused.
        var forged = await member.APIRequest.PostAsync("/Settings/ResetMfa", new() { Form = member.APIRequest.CreateFormData().Set("x", "1"), MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);

        // The Owner of globex passes the role policy but the engine refuses a user of another organization.
        var globex = await app.NewSessionAsync();
        await Flows.SignInAsync(app, globex, "owner@globex.test");
        var other = await globex.GotoAsync("/Admin/ResetUser?userId=alice@acme.test");
        Assert.Equal(403, other!.Status);
        await globex.GotoAsync("/Admin/ResetUser?userId=owner@globex.test");
        await globex.Locator("input[name=UserId]").EvaluateAsync("e => e.value = 'alice@acme.test'");
        await globex.GetByRole(AriaRole.Button, new() { Name = "YES, RESET IT" }).ClickAsync();
        await Expect(globex.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }
}

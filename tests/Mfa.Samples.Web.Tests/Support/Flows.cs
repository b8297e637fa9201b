using System.Text.RegularExpressions;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Mfa.Samples.Web.Tests.Support;

/// <summary>The steps a person takes in the sample, driven through the browser.</summary>
public static partial class Flows
{
    public const string Password = "demo-password";

    /// <summary>Fills and submits the sign-in form (password step only).</summary>
    public static async Task SubmitPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Signs in completely: password, then whatever the app asks (known factor's code, or enrolment with an app).</summary>
    public static async Task SignInAsync(SampleAppFixture app, IPage page, string email)
    {
        await SubmitPasswordAsync(page, email);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        if (page.Url.Contains("/SignIn/Challenge", StringComparison.Ordinal))
        {
            var factor = app.Factors[email];
            if (factor.ManualKey is not null)
            {
                await EnterCodeAsync(page, await NextTotpCodeAsync(factor), "Verify");
            }
            else
            {
                var before = await app.OutboxCountAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent a code");
                await EnterCodeAsync(page, await app.ReadSmsCodeAsync(factor.Phone!, before), "Verify");
            }
        }
        else if (page.Url.Contains("/SignIn/Enroll", StringComparison.Ordinal))
        {
            await EnrolAppAsync(app, page, email);
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(new Regex(@"/$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
    }

    /// <summary>On the wizard's first step: enrols an authenticator app (no phone) and stays on the recovery codes.</summary>
    public static async Task EnrolAppAsync(SampleAppFixture app, IPage page, string email, string? screenshots = null)
    {
        await Expect(page.GetByLabel("Phone number")).ToBeVisibleAsync();
        if (screenshots is not null)
        {
            await ScreenshotAsync(page, $"{screenshots}-1-phone");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ChooseAppAndActivateAsync(app, page, email, screenshots);
    }

    /// <summary>On the wizard's method step: chooses the authenticator app, reads the manual key, activates.</summary>
    public static async Task ChooseAppAndActivateAsync(SampleAppFixture app, IPage page, string email, string? screenshots = null)
    {
        await page.GetByLabel("Authenticator app").CheckAsync();
        if (screenshots is not null)
        {
            await ScreenshotAsync(page, $"{screenshots}-2-method");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code" })).ToBeVisibleAsync();
        var factor = new KnownFactor { ManualKey = (await page.Locator("#manual-key").InnerTextAsync()).Trim() };
        if (screenshots is not null)
        {
            await ScreenshotAsync(page, $"{screenshots}-3-qr-code");
        }

        await EnterCodeAsync(page, await NextTotpCodeAsync(factor), "Activate");
        await FinishActivationAsync(app, page, email, factor, screenshots);
    }

    /// <summary>On the wizard's first step: enrols SMS to a phone, reading the code from the outbox.</summary>
    public static async Task EnrolSmsAsync(SampleAppFixture app, IPage page, string email, string country, string national, string e164, string? screenshots = null)
    {
        await page.GetByLabel("Country").SelectOptionAsync(country);
        await page.GetByLabel("Phone number").FillAsync(national);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Text message (SMS)").CheckAsync();
        var before = await app.OutboxCountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByText("We sent a code to")).ToBeVisibleAsync();
        if (screenshots is not null)
        {
            await ScreenshotAsync(page, $"{screenshots}-sms-code");
        }

        await EnterCodeAsync(page, await app.ReadSmsCodeAsync(e164, before), "Activate");
        await FinishActivationAsync(app, page, email, new KnownFactor { Phone = e164 }, screenshots);
    }

    /// <summary>Types a code and presses the button.</summary>
    public static async Task EnterCodeAsync(IPage page, string code, string button)
    {
        await page.GetByLabel("Authentication Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>
    /// A TOTP code the server will accept: the current time step, or the next one when the current one was used
    /// (the server's window is ±1 step and never accepts a step twice); waits when both are used up.
    /// </summary>
    public static async Task<string> NextTotpCodeAsync(KnownFactor factor)
    {
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(factor.ManualKey!.Replace(" ", "", StringComparison.Ordinal)));
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            var step = Math.Max(factor.LastStep + 1, now);
            if (step <= now + 1)
            {
                factor.LastStep = step;
                return totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
            }

            await Task.Delay(TimeSpan.FromSeconds(((step - 1) * 30) - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        }
    }

    /// <summary>Saves a full-page screenshot as a test artifact.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleAppFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task FinishActivationAsync(SampleAppFixture app, IPage page, string email, KnownFactor factor, string? screenshots)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Multi-factor authentication is on" })).ToBeVisibleAsync();
        factor.RecoveryCodes = await page.Locator("#recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, factor.RecoveryCodes.Count);
        app.Factors[email] = factor;
        if (screenshots is not null)
        {
            await ScreenshotAsync(page, $"{screenshots}-4-recovery-codes");
        }
    }
}

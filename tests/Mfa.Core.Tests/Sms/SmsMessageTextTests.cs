using System.Globalization;
using Mfa.Core.Tests.Support;
using Mfa.Phones;
using Mfa.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.Core.Tests.Sms;

public sealed class SmsMessageTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DefaultTemplate_HasAppNameAndCode()
    {
        using var host = new EngineHost();
        host.AddUser("alice");

        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);

        var body = host.Sms.All[^1].Message.Body;
        Assert.Matches("^Your Contoso verification code is [0-9]{6}$", body);
        Assert.Equal(TimeSpan.FromMinutes(5), host.Sms.All[^1].Message.ValidityPeriod);
    }

    [Fact]
    public async Task WebOtpDomain_AddsOriginBoundLineAsLastLine()
    {
        using var host = new EngineHost(o =>
        {
            o.Sms.WebOtpDomain = "example.com";
            o.Sms.MessageTemplate = "{Code} is your {AppName} code";
        });
        host.AddUser("alice");

        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);

        var body = host.Sms.All[^1].Message.Body;
        var code = EngineHost.CodeIn(body);
        Assert.StartsWith($"{code} is your Contoso code", body, StringComparison.Ordinal);
        Assert.Equal($"@example.com #{code}", body.Split('\n')[^1]);
    }

    [Fact]
    public async Task CustomFormatter_IsUsed()
    {
        using var host = new EngineHost(build: b => b.Services.Replace(ServiceDescriptor.Singleton<ISmsMessageFormatter, FrenchFormatter>()));
        host.AddUser("alice");

        await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput(null, EngineHost.UkMobile), Ct);
        var activated = await host.Enrollment.ActivateAsync("alice", host.LastSmsCode(), Ct);

        Assert.Matches("^Votre code Contoso : [0-9]{6}$", host.Sms.All[^1].Message.Body);
        Assert.True(activated.Succeeded);
    }

    [Fact]
    public void SmsMessage_ToString_HidesCodeAndNumber()
    {
        var message = new SmsMessage("+447400123456", "Your code is 123456", TimeSpan.FromMinutes(5));

        Assert.DoesNotContain("123456", message.ToString(), StringComparison.Ordinal);
    }

    private sealed class FrenchFormatter : ISmsMessageFormatter
    {
        public string Format(string appName, string code, CultureInfo culture) => $"Votre code {appName} : {code}";
    }
}

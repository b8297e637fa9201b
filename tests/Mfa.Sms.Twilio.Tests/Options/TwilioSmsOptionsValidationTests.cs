using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Sms.Twilio.Tests.Options;

public sealed class TwilioSmsOptionsValidationTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string ApiKeySid = "SK0123456789abcdef0123456789abcdef";
    private const string ServiceSid = "MG0123456789abcdef0123456789abcdef";
    private const string Token = "0123456789abcdef0123456789abcdef";
    private const string Secret = "do-not-print-this-secret";

    [Fact]
    public void Start_WithAuthTokenAndFrom_Succeeds()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token, ["From"] = "+15017122661" });

        Assert.Null(error);
    }

    [Fact]
    public void Start_WithApiKeyAndMessagingService_Succeeds()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["ApiKeySid"] = ApiKeySid, ["ApiKeySecret"] = Secret, ["MessagingServiceSid"] = ServiceSid });

        Assert.Null(error);
    }

    [Theory]
    [InlineData("Contoso")]
    [InlineData("CONTOSO 2FA")]
    [InlineData("12345")]
    public void Start_WithAlphanumericSenderOrShortCode_Succeeds(string from)
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token, ["From"] = from });

        Assert.Null(error);
    }

    [Fact]
    public void Start_WithoutAccountSid_FailsNamingTheKey()
    {
        var error = StartUp(new() { ["AuthToken"] = Token, ["From"] = "+15017122661" });

        Assert.Contains("Mfa:Twilio:AccountSid is required", error);
    }

    [Fact]
    public void Start_WithMalformedAccountSid_SaysItMustStartWithAC()
    {
        var error = StartUp(new() { ["AccountSid"] = ApiKeySid, ["AuthToken"] = Token, ["From"] = "+15017122661" });

        Assert.Contains("Mfa:Twilio:AccountSid must start with AC followed by 32 hexadecimal characters", error);
    }

    [Fact]
    public void Start_WithBothAuthTokenAndApiKey_FailsAskingForOneKind()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token, ["ApiKeySid"] = ApiKeySid, ["ApiKeySecret"] = Secret, ["From"] = "+15017122661" });

        Assert.Contains("Set either Mfa:Twilio:AuthToken or Mfa:Twilio:ApiKeySid with Mfa:Twilio:ApiKeySecret, not both", error);
    }

    [Fact]
    public void Start_WithoutAnyCredential_FailsListingBothKinds()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["From"] = "+15017122661" });

        Assert.Contains("set Mfa:Twilio:ApiKeySid and Mfa:Twilio:ApiKeySecret (an API key, preferred) or Mfa:Twilio:AuthToken", error);
    }

    [Fact]
    public void Start_WithApiKeySidButNoSecret_FailsAskingForTheSecret()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["ApiKeySid"] = ApiKeySid, ["From"] = "+15017122661" });

        Assert.Contains("Mfa:Twilio:ApiKeySecret is required when Mfa:Twilio:ApiKeySid is set", error);
    }

    [Fact]
    public void Start_WithApiKeySecretButAccountSidAsKeySid_FailsSayingSK()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["ApiKeySid"] = AccountSid, ["ApiKeySecret"] = Secret, ["From"] = "+15017122661" });

        Assert.Contains("Mfa:Twilio:ApiKeySid must start with SK", error);
    }

    [Fact]
    public void Start_WithBothMessagingServiceAndFrom_FailsAskingForOne()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token, ["From"] = "+15017122661", ["MessagingServiceSid"] = ServiceSid });

        Assert.Contains("Set either Mfa:Twilio:MessagingServiceSid or Mfa:Twilio:From, not both", error);
    }

    [Fact]
    public void Start_WithoutSender_FailsAskingForMessagingServiceOrFrom()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token });

        Assert.Contains("A sender is required: set Mfa:Twilio:MessagingServiceSid", error);
    }

    [Theory]
    [InlineData("15017122661")]
    [InlineData("+1 501 712 2661")]
    [InlineData("TooLongSenderId")]
    public void Start_WithMalformedFrom_ExplainsTheAcceptedForms(string from)
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token, ["From"] = from });

        Assert.Contains("Mfa:Twilio:From must be a Twilio number in E.164 form", error);
    }

    [Fact]
    public void Start_WithMalformedMessagingServiceSid_SaysItMustStartWithMG()
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token, ["MessagingServiceSid"] = "MG123" });

        Assert.Contains("Mfa:Twilio:MessagingServiceSid must start with MG", error);
    }

    [Theory]
    [InlineData("RequestTimeout", "00:00:00.5", "Mfa:Twilio:RequestTimeout must be between")]
    [InlineData("MaxRetries", "9", "Mfa:Twilio:MaxRetries must be between 0 and 5")]
    [InlineData("RetryDelay", "00:01:00", "Mfa:Twilio:RetryDelay must be between")]
    [InlineData("MaxRetryDelay", "00:05:00", "Mfa:Twilio:MaxRetryDelay must be between")]
    [InlineData("Region", "IE 1", "Mfa:Twilio:Region must be a Twilio region id")]
    [InlineData("Edge", "Dublin!", "Mfa:Twilio:Edge must be a Twilio edge location")]
    public void Start_WithOutOfRangeSetting_NamesTheSetting(string key, string value, string expected)
    {
        var error = StartUp(new() { ["AccountSid"] = AccountSid, ["AuthToken"] = Token, ["From"] = "+15017122661", [key] = value });

        Assert.Contains(expected, error);
    }

    [Fact]
    public void Start_WithBadSettings_NeverPrintsASecret()
    {
        var error = StartUp(new() { ["AccountSid"] = "ACnope", ["AuthToken"] = Secret, ["ApiKeySid"] = "SKnope", ["ApiKeySecret"] = Secret });

        Assert.NotNull(error);
        Assert.DoesNotContain(Secret, error);
    }

    [Fact]
    public void Start_ConfiguredInCode_NamesTheOptionsClass()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.Issuer = "Contoso").AddTwilioSms(o => o.AuthToken = Token);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TwilioSmsOptions:AccountSid is required", error.Message);
    }

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        const string token = "fedcba9876543210fedcba9876543210";
        var options = new TwilioSmsOptions { AccountSid = AccountSid, AuthToken = token, ApiKeySid = ApiKeySid, ApiKeySecret = Secret, From = "+15017122661" };

        var text = options.ToString();

        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(Secret, text);
        Assert.Contains(AccountSid, text);
    }

    /// <summary>Binds the settings from a Mfa:Twilio section and runs start-up validation; returns its message or null.</summary>
    private static string? StartUp(Dictionary<string, string?> twilio)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(twilio.Select(kv => new KeyValuePair<string, string?>($"Mfa:Twilio:{kv.Key}", kv.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddMfa(o => o.Issuer = "Contoso").AddTwilioSms(configuration.GetSection("Mfa:Twilio"));
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException exception)
        {
            return exception.Message;
        }
    }
}

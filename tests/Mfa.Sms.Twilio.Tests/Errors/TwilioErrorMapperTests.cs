namespace Mfa.Sms.Twilio.Tests.Errors;

public sealed class TwilioErrorMapperTests
{
    [Theory]
    [InlineData(400, 21211, SmsSendStatus.InvalidRecipient)]
    [InlineData(400, 21614, SmsSendStatus.DestinationNotAllowed)]
    [InlineData(400, 21612, SmsSendStatus.DestinationNotAllowed)]
    [InlineData(400, 21408, SmsSendStatus.DestinationNotAllowed)]
    [InlineData(400, 21610, SmsSendStatus.RecipientOptedOut)]
    [InlineData(401, 20003, SmsSendStatus.ConfigurationError)]
    [InlineData(404, 20404, SmsSendStatus.ConfigurationError)]
    [InlineData(400, 21212, SmsSendStatus.ConfigurationError)]
    [InlineData(400, 21606, SmsSendStatus.ConfigurationError)]
    [InlineData(400, 21659, SmsSendStatus.ConfigurationError)]
    [InlineData(400, 21660, SmsSendStatus.ConfigurationError)]
    [InlineData(429, 20429, SmsSendStatus.RateLimited)]
    [InlineData(429, 0, SmsSendStatus.RateLimited)]
    [InlineData(500, 0, SmsSendStatus.UnknownOutcome)]
    [InlineData(503, 20503, SmsSendStatus.UnknownOutcome)]
    [InlineData(403, 0, SmsSendStatus.ConfigurationError)]
    [InlineData(400, 99999, SmsSendStatus.ConfigurationError)]
    public void Map_TwilioAnswer_GivesProviderNeutralStatus(int httpStatus, int twilioCode, SmsSendStatus expected)
    {
        Assert.Equal(expected, TwilioErrorMapper.Map(httpStatus, twilioCode));
    }

    [Theory]
    [InlineData(400, 21211, "21211")]
    [InlineData(502, 0, "HTTP 502")]
    public void ProviderErrorCode_IsTwilioCodeElseHttpStatus(int httpStatus, int twilioCode, string expected)
    {
        Assert.Equal(expected, TwilioErrorMapper.ProviderErrorCode(httpStatus, twilioCode));
    }
}

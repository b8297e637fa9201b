using FsCheck;
using FsCheck.Fluent;
using Mfa.Core.Tests.Support;
using Mfa.Phones;
using Mfa.Sms;
using Mfa.Stores;

namespace Mfa.Core.Tests.Phones;

public sealed class PhoneNumberTests
{
    private static readonly string[] RefusalCodes = [MfaErrorCodes.InvalidPhoneNumber, MfaErrorCodes.UnknownCountry, MfaErrorCodes.PhoneNumberNotMobile];

    [Theory]
    [InlineData("GB", "07400 123456", "+447400123456")]
    [InlineData("gb", "07400-123-456", "+447400123456")]
    [InlineData(null, "+44 7400 123456", "+447400123456")]
    [InlineData("US", "+44 7400 123456", "+447400123456")]
    [InlineData("US", "(201) 555-0123", "+12015550123")]
    [InlineData("FR", "06 12 34 56 78", "+33612345678")]
    public void Parse_CountryAndNationalOrInternational_GivesE164(string? country, string number, string e164)
    {
        var parsed = PhoneNumberParser.Parse(new PhoneNumberInput(country, number));

        Assert.True(parsed.Succeeded, parsed.ToString());
        Assert.Equal(e164, parsed.Value.E164);
    }

    [Theory]
    [InlineData("GB", "020 7946 0000")]
    [InlineData(null, "+44 20 7946 0000")]
    [InlineData("FR", "01 23 45 67 89")]
    [InlineData("DE", "030 1234567")]
    public void Parse_FixedLine_IsRefusedAsNotMobile(string? country, string number)
    {
        var parsed = PhoneNumberParser.Parse(new PhoneNumberInput(country, number));

        Assert.Equal(MfaErrorCodes.PhoneNumberNotMobile, parsed.Error?.Code);
    }

    [Theory]
    [InlineData(null, "07400 123456", MfaErrorCodes.UnknownCountry)]
    [InlineData("XX", "07400 123456", MfaErrorCodes.UnknownCountry)]
    [InlineData("US", "07400 123456", MfaErrorCodes.InvalidPhoneNumber)]
    [InlineData("GB", "12", MfaErrorCodes.InvalidPhoneNumber)]
    [InlineData("GB", "074001234567890123", MfaErrorCodes.InvalidPhoneNumber)]
    [InlineData("GB", "", MfaErrorCodes.InvalidPhoneNumber)]
    [InlineData("GB", "not a number", MfaErrorCodes.InvalidPhoneNumber)]
    public void Parse_Invalid_GivesClearCode(string? country, string number, string code)
    {
        var parsed = PhoneNumberParser.Parse(new PhoneNumberInput(country, number));

        Assert.Equal(code, parsed.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Error?.Description));
    }

    [Theory]
    [InlineData("+447400123456", "+44 •••• ••••56")]
    [InlineData("+12015550123", "+1 •••• ••••23")]
    [InlineData("+33612345678", "+33 ••• ••••78")]
    public void Mask_KeepsCountryCodeAndLastTwoDigitsOnly(string e164, string masked)
    {
        Assert.Equal(masked, PhoneNumberMasking.Mask(e164));
    }

    [Fact]
    public async Task BeginSms_ShowsMaskedNumber_AndStoresE164()
    {
        using var host = new EngineHost();
        host.AddUser("alice");

        var sent = await host.Enrollment.BeginSmsAsync("alice", new PhoneNumberInput("GB", "07400 123456"), TestContext.Current.CancellationToken);

        Assert.Equal("+44 •••• ••••56", sent.Value.MaskedPhoneNumber);
        var pending = await ((IMfaFactorStore)host.Store).FindPendingAsync("alice", TestContext.Current.CancellationToken);
        Assert.Equal("+447400123456", pending?.PhoneNumber);
        Assert.Equal("+447400123456", host.Sms.All[^1].Message.To);
    }

    /// <summary>Inputs that must never reach a provider: noise, wrong regions, landlines, too short or too long.</summary>
    private static Gen<PhoneNumberInput> InvalidInputs()
    {
        var regions = Gen.Elements("GB", "US", "FR", "DE", "IN", "BR", "JP", "AU");
        var noise = from country in Gen.OrNull(regions)
                    from number in ArbMap.Default.GeneratorFor<string>()
                    select new PhoneNumberInput(country, number ?? "");
        var wrongRegion = from country in Gen.Elements("US", "FR", "DE", "JP")
                          select new PhoneNumberInput(country, "07400 123456");
        var landline = Gen.Elements(
            new PhoneNumberInput("GB", "020 7946 0000"),
            new PhoneNumberInput(null, "+44 161 496 0000"),
            new PhoneNumberInput("FR", "01 23 45 67 89"),
            new PhoneNumberInput("DE", "030 1234567"));
        var tooShort = from length in Gen.Choose(1, 4)
                       from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
                       from plus in Gen.Elements(true, false)
                       select new PhoneNumberInput(plus ? null : "GB", (plus ? "+" : "") + string.Concat(digits));
        var tooLong = from length in Gen.Choose(18, 45)
                      from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
                      select new PhoneNumberInput(null, "+" + string.Concat(digits));
        var unknownCountry = from country in Gen.Elements("XX", "ZZ", "", "GBR", "12")
                             select new PhoneNumberInput(country, "7400 123456");
        return Gen.OneOf(noise, wrongRegion, landline, tooShort, tooLong, unknownCountry)
            .Where(input => !PhoneNumberParser.Parse(input).Succeeded || input.Number.Length > 40);
    }

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property InvalidPhoneInput_GetsClearCode_SendsNothing_PersistsNothing() =>
        Prop.ForAll(InvalidInputs().ToArbitrary(), input => Sync.Run(async () =>
        {
            using var host = new EngineHost();
            host.AddUser("alice");
            var ct = TestContext.Current.CancellationToken;

            var result = await host.Enrollment.BeginSmsAsync("alice", input, ct);

            return !result.Succeeded
                && RefusalCodes.Contains(result.Error.Code)
                && host.Sms.All.Count == 0
                && await ((IMfaFactorStore)host.Store).FindPendingAsync("alice", ct) is null
                && await ((IMfaSmsChallengeStore)host.Store).FindAsync("alice", MfaSmsPurpose.Enrollment, ct) is null;
        }));
}

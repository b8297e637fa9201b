namespace Mfa.Core.Tests.Results;

public sealed class MfaResultTests
{
    [Fact]
    public void Value_OfFailedResult_ThrowsWithErrorCode()
    {
        MfaResult<int> result = new MfaError(MfaErrorCodes.InvalidCode, "Wrong code.");

        var ex = Assert.Throws<InvalidOperationException>(() => result.Value);

        Assert.False(result.Succeeded);
        Assert.Contains(MfaErrorCodes.InvalidCode, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_CarriesValue()
    {
        var result = MfaResult<string>.Success("ok");

        Assert.True(result.Succeeded);
        Assert.Equal("ok", result.Value);
        Assert.Null(result.Error);
    }
}

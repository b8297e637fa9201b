using Mfa.Enrollment;
using Mfa.RecoveryCodes;
using Mfa.SignIn;
using Mfa.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests.DependencyInjection;

public sealed class AddMfaTests
{
    [Fact]
    public async Task AddMfa_CalledTwice_IsSafeAndCombinesConfiguration()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.Issuer = "Contoso").AddInMemoryStores();
        services.AddMfa(o => o.Totp.Digits = 8).AddInMemoryStores();
        services.AddSingleton<IMfaUserDirectory>(new InMemoryMfaUserDirectory().Add(new MfaUser("u", "u@example.com", null)));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        var options = provider.GetRequiredService<IOptions<MfaOptions>>().Value;
        var begun = await scope.ServiceProvider.GetRequiredService<MfaEnrollmentService>()
            .BeginAuthenticatorAppAsync("u", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Contoso", options.Issuer);
        Assert.Equal(8, options.Totp.Digits);
        Assert.Single(provider.GetServices<IValidateOptions<MfaOptions>>(), v => v.GetType().Name == "MfaOptionsValidator");
        Assert.Single(services, d => d.ServiceType == typeof(MfaSignInService));
        Assert.True(begun.Succeeded);
    }

    [Theory]
    [InlineData(typeof(MfaEnrollmentService))]
    [InlineData(typeof(MfaSignInService))]
    [InlineData(typeof(MfaRecoveryCodeService))]
    public void Resolve_WithoutStores_ThrowsNamingTheRegistrationCalls(Type service)
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.Issuer = "Contoso").AddUserDirectory<EmptyDirectory>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var ex = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService(service));

        Assert.Contains("AddEntityFrameworkStores", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddInMemoryStores", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_WithoutUserDirectory_ThrowsNamingAddUserDirectory()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.Issuer = "Contoso").AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MfaSignInService>();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => service.GetRequirementAsync("u", TestContext.Current.CancellationToken));

        Assert.Contains("AddUserDirectory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUserDirectory_RegistersTheHostsDirectory()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.Issuer = "Contoso").AddInMemoryStores().AddUserDirectory<EmptyDirectory>();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<MfaSignInService>().GetRequirementAsync("u", TestContext.Current.CancellationToken);

        Assert.Equal(MfaErrorCodes.UserNotFound, result.Error!.Code);
    }

    private sealed class EmptyDirectory : IMfaUserDirectory
    {
        public ValueTask<MfaUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => ValueTask.FromResult<MfaUser?>(null);
    }
}

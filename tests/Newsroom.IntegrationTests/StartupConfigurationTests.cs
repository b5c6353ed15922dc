using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Newsroom.IntegrationTests;

/// <summary>Outside Development the API refuses to start on configuration that would make it insecure.</summary>
public sealed class StartupConfigurationTests
{
    private static WebApplicationFactory<Program> Production(string? signingKey) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Newsroom", "Host=127.0.0.1;Port=1;Database=none");
            builder.UseSetting("Newsroom:Jwt:SigningKey", signingKey);
            builder.UseSetting("Newsroom:DataDirectory", Path.Combine(Path.GetTempPath(), "newsroom-prod-test-" + Guid.NewGuid().ToString("N")));
        });

    [Fact]
    public void Production_without_a_signing_key_does_not_start_and_says_why()
    {
        using var factory = Production(signingKey: null);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Newsroom__Jwt__SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_with_a_signing_key_under_256_bits_does_not_start()
    {
        using var factory = Production(signingKey: "too-short-key");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("256 bits", error.Message, StringComparison.Ordinal);
    }
}

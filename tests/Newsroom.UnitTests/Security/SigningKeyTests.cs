using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Newsroom.Api.Auth;

namespace Newsroom.UnitTests.Security;

public sealed class SigningKeyTests
{
    private const string LongEnough = "a-signing-key-of-more-than-256-bits-for-tests";

    [Fact]
    public void Development_may_leave_the_key_out_since_one_is_generated_in_its_database()
    {
        Assert.True(Validate(Environments.Development, signingKey: null).Succeeded);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Elsewhere_a_missing_key_stops_start_up_and_names_the_setting(string environment)
    {
        var result = Validate(environment, signingKey: " ");

        Assert.True(result.Failed);
        Assert.Contains("Newsroom__Jwt__SigningKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void A_configured_key_under_256_bits_is_refused_in_every_environment(string environment)
    {
        var result = Validate(environment, signingKey: "too-short-key");

        Assert.True(result.Failed);
        Assert.Contains("256 bits", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_key_is_used_as_configured_without_waiting_for_the_database()
    {
        var key = new JwtSigningKey(Options.Create(new JwtOptions { SigningKey = LongEnough }));

        Assert.True(key.IsConfigured);
        Assert.Equal(Encoding.UTF8.GetBytes(LongEnough), key.Current.Key);
    }

    [Fact]
    public void A_generated_key_is_only_known_once_read_from_the_database()
    {
        var key = new JwtSigningKey(Options.Create(new JwtOptions()));

        Assert.False(key.IsConfigured);
        Assert.Throws<InvalidOperationException>(() => key.Current);
        key.UseGenerated(LongEnough);
        Assert.Equal(Encoding.UTF8.GetBytes(LongEnough), key.Current.Key);
        Assert.Equal("newsroom-1", key.Current.KeyId);
    }

    private static ValidateOptionsResult Validate(string environment, string? signingKey) =>
        new JwtOptionsValidation(new HostingEnvironment { EnvironmentName = environment }).Validate(null, new JwtOptions { SigningKey = signingKey });
}

using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Newsroom.Api.Auth;

/// <summary>Token settings (configuration section <c>Newsroom:Jwt</c>).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Newsroom:Jwt";
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// HMAC-SHA256 key, at least 256 bits. Required outside Development; there, when unset, one is generated once in
    /// the database (<see cref="JwtSigningKey"/>), so every instance on that database shares it.
    /// </summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "newsroom";

    public string Audience { get; set; } = "newsroom-api";

    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    public static SymmetricSecurityKey CreateKey(string secret) => new(Encoding.UTF8.GetBytes(secret)) { KeyId = "newsroom-1" };
}

/// <summary>
/// Refuses to start with a missing or weak key, rather than signing tokens anyone could forge. Development may leave
/// the key out: it gets one generated in its database.
/// </summary>
internal sealed class JwtOptionsValidation(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey) && environment.IsDevelopment())
        {
            return ValidateLifetime(options);
        }

        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return ValidateOptionsResult.Fail(
                "Newsroom:Jwt:SigningKey is not set. Outside Development it is required: set the environment variable " +
                "Newsroom__Jwt__SigningKey to a random secret of at least 256 bits (e.g. `openssl rand -base64 32`).");
        }

        if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtOptions.MinimumKeyBytes)
        {
            return ValidateOptionsResult.Fail(
                $"Newsroom:Jwt:SigningKey is shorter than 256 bits ({JwtOptions.MinimumKeyBytes} bytes); use e.g. `openssl rand -base64 32`.");
        }

        return ValidateLifetime(options);
    }

    private static ValidateOptionsResult ValidateLifetime(JwtOptions options) =>
        options.AccessTokenLifetimeMinutes is < 1 or > 24 * 60
            ? ValidateOptionsResult.Fail("Newsroom:Jwt:AccessTokenLifetimeMinutes must be between 1 and 1440.")
            : ValidateOptionsResult.Success;
}

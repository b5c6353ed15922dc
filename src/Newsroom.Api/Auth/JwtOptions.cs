using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Newsroom.Api.Auth;

/// <summary>Token settings (configuration section <c>Newsroom:Jwt</c>).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Newsroom:Jwt";
    public const int MinimumKeyBytes = 32;

    /// <summary>HMAC-SHA256 key, at least 256 bits. Development generates one in the data folder; elsewhere it is required.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "newsroom";

    public string Audience { get; set; } = "newsroom-api";

    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    public SymmetricSecurityKey CreateKey() => new(Encoding.UTF8.GetBytes(SigningKey!)) { KeyId = "newsroom-1" };
}

/// <summary>Refuses to start with a missing or weak key, rather than signing tokens anyone could forge.</summary>
internal sealed class JwtOptionsValidation : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
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

        return options.AccessTokenLifetimeMinutes is < 1 or > 24 * 60
            ? ValidateOptionsResult.Fail("Newsroom:Jwt:AccessTokenLifetimeMinutes must be between 1 and 1440.")
            : ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Newsroom.Infrastructure.SharedState;

namespace Newsroom.Api.Auth;

/// <summary>
/// The key tokens are signed and checked with, the same on every instance. Configured (<c>Newsroom:Jwt:SigningKey</c>):
/// known from the start. In Development without one: generated once in the database (<see cref="GeneratedSecrets"/>)
/// and read by <see cref="DevelopmentSigningKeyLoader"/> once the database is ready, so that building the host (for
/// the OpenAPI document, say) never touches the database and two instances starting together sign alike.
/// </summary>
internal sealed class JwtSigningKey(IOptions<JwtOptions> options)
{
    private SymmetricSecurityKey? _key;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.SigningKey);

    public SymmetricSecurityKey Current => _key ??= IsConfigured
        ? JwtOptions.CreateKey(options.Value.SigningKey!)
        : throw new InvalidOperationException("The generated signing key is read from the database at start-up, once it is ready; the host has not started.");

    public void UseGenerated(string secret) => _key = JwtOptions.CreateKey(secret);
}

/// <summary>
/// Reads (or makes) Development's signing key in the database. Hosted services start one after the other in the order
/// they were added, and this one is added after <c>DatabaseStartup</c>: the database is migrated and ready by then.
/// </summary>
internal sealed class DevelopmentSigningKeyLoader(JwtSigningKey signingKey, IServiceScopeFactory scopes) : IHostedService
{
    public const string SecretName = "jwt-signing-key";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (signingKey.IsConfigured)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var secret = await scope.ServiceProvider.GetRequiredService<GeneratedSecrets>().ReadOrCreateAsync(
            SecretName, () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)), cancellationToken);
        signingKey.UseGenerated(secret);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

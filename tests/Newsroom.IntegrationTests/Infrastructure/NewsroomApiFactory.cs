using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Application.Auth;
using Newsroom.Application.Users;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// The real API over an isolated database of the test cluster. Each test class gets one (IClassFixture), with its
/// own database, a bootstrap admin and helpers to act as any role.
/// </summary>
public class NewsroomApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@tests.newsroom";

    /// <summary>The password <see cref="CreateUserWithTokenAsync"/> gives every account it makes.</summary>
    public const string UserPassword = "a-long-enough-password";
    public const string AdminPassword = "relecture du bouclage avant minuit";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "newsroom-test-data", Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The clock the API sees; starts at the real now (whole seconds, as PostgreSQL keeps microseconds) and only moves when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>Settings a test class needs to change (e.g. a low rate limit), applied over the defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual bool UseFakeClock => false;

    /// <summary>The host's environment: "Testing" (production-like defaults, readable logs) unless a class needs another.</summary>
    protected virtual string EnvironmentName => "Testing";

    public virtual async Task InitializeAsync() => ConnectionString = await CreateDatabaseAsync();

    protected virtual Task<string> CreateDatabaseAsync() => TestCluster.CreateDatabaseAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Newsroom"] = ConnectionString,
            ["Newsroom:DataDirectory"] = _dataDirectory,
            ["Newsroom:ApplyMigrations"] = "true",
            ["Newsroom:SeedDemoContent"] = "false",
            ["Newsroom:Jwt:SigningKey"] = "tests-only-signing-key-" + Guid.NewGuid().ToString("N"),
            ["Newsroom:Bootstrap:AdminEmail"] = AdminEmail,
            ["Newsroom:Bootstrap:AdminPassword"] = AdminPassword,
            ["Newsroom:Site:PublicBaseUrl"] = "https://www.exemple-mobile.fr",
            ["Newsroom:RateLimits:TokenRequestsPerMinute"] = "1000",
            // The render budget is wall-clock time: on a loaded 2-core runner a one-line body waited past 2 s for a
            // thread-pool thread (seen three times in #12). The budget has its own tests (AuthorStallingTheServerTests).
            ["Newsroom:Rendering:TimeBudgetMilliseconds"] = "30000",
            // Every OpenTelemetry meter provider listens to the meters of every host in the process: with one per test
            // class, each request would be measured dozens of times over. /metrics is tested on real processes
            // (Telemetry/MetricsTests) and where a class turns it back on (MetricsAccessTests).
            ["Newsroom:Metrics:Enabled"] = "false",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (UseFakeClock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }

            ConfigureTestServices(services);
        });
    }

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A client carrying a token for a new account with this role.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string role, string? email = null)
    {
        var (_, token) = await CreateUserWithTokenAsync(role, email);
        return CreateClientWithToken(token);
    }

    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<(UserResponse User, string Token)> CreateUserWithTokenAsync(string role, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IUserAccounts>();
        var user = await accounts.CreateAsync(email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@tests.newsroom", $"{role} de test", role, UserPassword, CancellationToken.None);
        return (user, await IssueTokenAsync(user.Id));
    }

    public async Task<string> IssueTokenAsync(Guid userId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<IUserAccounts>();
        var account = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("no such user");
        var user = await accounts.FindAsync(userId, CancellationToken.None);
        return scope.ServiceProvider.GetRequiredService<ITokenIssuer>().Issue(user!, account.SecurityStamp!).AccessToken;
    }

    /// <summary>A client whose requests come from this address (see <see cref="PeerAddressClients"/>).</summary>
    public HttpClient CreateClientFrom(string address) => this.CreateClientFrom(System.Net.IPAddress.Parse(address));

    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }
}

public static class TestServiceCollectionExtensions
{
    /// <summary>For factories whose database is deliberately unreachable: start the host without preparing the database.</summary>
    public static void RemoveHostedDatabaseStartup(this IServiceCollection services)
    {
        var hosted = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory is not null).ToList();
        foreach (var descriptor in hosted)
        {
            services.Remove(descriptor);
        }
    }
}

using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Auth;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Startup;
using Newsroom.LocalPostgres;

namespace Newsroom.IntegrationTests.Persistence;

/// <summary>
/// The quick start as a developer lives it: no connection string, Development, an empty data folder. The API makes
/// its own cluster, a signing key (in the database) and a demo admin, stops the cluster with the host, and finds
/// everything again on the next start: a token signed before the restart is still accepted after it.
/// </summary>
public sealed class EmbeddedDatabaseTests : IAsyncLifetime
{
    // Not created here: the API creates it traversable for the postgres user (a temp subdirectory would be 0700).
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"newsroom-embedded-{Guid.NewGuid():N}");

    private string ClusterDirectory => Path.Combine(_dataDirectory, "postgres");

    private string PidFile => Path.Combine(ClusterDirectory, "pg", "postmaster.pid");

    /// <summary>The API as <c>dotnet run</c> starts it, with whatever the environment says about the database overridden.</summary>
    private sealed class EmbeddedApi(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Newsroom:DataDirectory", dataDirectory);
            // Set last, these win over environment variables (ConnectionStrings__Newsroom, Newsroom__Jwt__SigningKey…)
            // that a developer's shell or a CI runner might carry; empty means "embedded", null means "not set".
            builder.UseSetting("ConnectionStrings:Newsroom", "");
            builder.UseSetting("Newsroom:Jwt:SigningKey", null);
            builder.UseSetting("Newsroom:SeedDemoContent", null);
            builder.UseSetting("Newsroom:ApplyMigrations", null);
            builder.UseSetting("Newsroom:Bootstrap:AdminEmail", null);
            builder.UseSetting("Newsroom:Bootstrap:AdminPassword", null);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Only reached with a server still running when a test failed half-way: adopt it to stop it.
        if (File.Exists(PidFile))
        {
            var leftover = new LocalPostgresCluster(ClusterDirectory, LocalClusterKind.Persistent);
            await leftover.StartAsync();
            await leftover.StopAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_connection_string_the_API_runs_its_own_cluster_and_finds_its_data_again_after_a_restart()
    {
        (string Email, string Password) admin;
        AuthenticationHeaderValue tokenBeforeRestart;
        await using (var first = new EmbeddedApi(_dataDirectory))
        {
            Assert.True(first.Services.GetRequiredService<NewsroomDatabase>().IsEmbedded);
            var client = first.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            var site = await client.GetFromJsonAsync<JsonElement>("/api/v1/site");
            Assert.Equal(6, site.GetProperty("sections").GetArrayLength());
            Assert.False(File.Exists(Path.Combine(_dataDirectory, "jwt-signing-key")), "Development's generated signing key is in the database, not the data folder");

            admin = ReadDemoAdmin();
            var adminClient = await SignInAsync(first, admin);
            tokenBeforeRestart = adminClient.DefaultRequestHeaders.Authorization!;
            var created = await adminClient.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Podcasts" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(30, await CountArticlesAsync(first));
        }

        AssertNoServerRunsFromTheDataFolder();

        await using (var second = new EmbeddedApi(_dataDirectory))
        {
            var client = second.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            var site = await client.GetFromJsonAsync<JsonElement>("/api/v1/site");
            Assert.Contains("podcasts", site.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("slug").GetString()));
            Assert.Equal(admin, ReadDemoAdmin());
            await SignInAsync(second, admin);
            var keptToken = second.CreateClient();
            keptToken.DefaultRequestHeaders.Authorization = tokenBeforeRestart;
            Assert.Equal(HttpStatusCode.OK, (await keptToken.GetAsync("/api/v1/admin/articles?limit=1")).StatusCode);
            await using var scope = second.Services.CreateAsyncScope();
            var admins = await scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>().GetUsersInRoleAsync(Roles.Admin);
            Assert.Equal(admin.Email, Assert.Single(admins).Email);
            Assert.Equal(30, await CountArticlesAsync(second));
        }

        AssertNoServerRunsFromTheDataFolder();
    }

    private (string Email, string Password) ReadDemoAdmin()
    {
        var file = Path.Combine(_dataDirectory, "demo-admin.txt");
        Assert.True(File.Exists(file), $"{file} was not written");
        var fields = File.ReadAllLines(file)
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
        return (fields["email"], fields["password"]);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> api, (string Email, string Password) account)
    {
        var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = account.Email, password = account.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private static async Task<int> CountArticlesAsync(WebApplicationFactory<Program> api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Articles.CountAsync();
    }

    // pg_ctl stop -w returns once the server is gone, so there is nothing to wait for: it is gone or it is a leak.
    private void AssertNoServerRunsFromTheDataFolder()
    {
        Assert.False(File.Exists(PidFile), $"{PidFile} is still there");
        var servers = Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => (Pid: Path.GetFileName(d), CommandLine: ReadCommandLine(d)))
            .Where(p => p.CommandLine.Contains(_dataDirectory, StringComparison.Ordinal))
            .ToList();
        Assert.True(servers.Count == 0, "Still running: " + string.Join("; ", servers.Select(s => $"{s.Pid} {s.CommandLine}")));
    }

    // What pgrep -f matches on; a process that exits while we look reads as empty.
    private static string ReadCommandLine(string processDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processDirectory, "cmdline")).Replace('\0', ' ');
        }
        // A process listed in /proc can exit before its command line is read.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}

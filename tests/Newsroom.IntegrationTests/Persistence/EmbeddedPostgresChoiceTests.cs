using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.IntegrationTests.Persistence;

/// <summary>
/// The embedded cluster (Newsroom.LocalPostgres, wired by the API through <see cref="IEmbeddedPostgres"/>) is only
/// for a host without a connection string; Infrastructure never makes one itself.
/// </summary>
public sealed class EmbeddedPostgresChoiceTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task With_a_connection_string_the_API_never_starts_its_embedded_cluster()
    {
        var ready = await api.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var dataDirectory = api.Services.GetRequiredService<DataDirectory>().Path;
        Assert.False(Directory.Exists(Path.Combine(dataDirectory, "postgres")), "The embedded cluster's folder was made although a connection string is set.");
    }

    [Fact]
    public void A_host_without_an_embedded_cluster_refuses_to_start_without_a_connection_string()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"newsroom-no-embedded-{Guid.NewGuid():N}");
        try
        {
            using var host = new HostWithoutEmbeddedPostgres(dataDirectory);

            var refusal = Assert.Throws<InvalidOperationException>(() => host.Services);

            Assert.Contains("ConnectionStrings__Newsroom", refusal.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dataDirectory, "postgres")));
        }
        finally
        {
            // Development writes its generated signing key there before the database is asked for.
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private sealed class HostWithoutEmbeddedPostgres(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Newsroom:DataDirectory", dataDirectory);
            builder.UseSetting("ConnectionStrings:Newsroom", "");
            builder.ConfigureTestServices(services => services.RemoveAll<IEmbeddedPostgres>());
        }
    }
}

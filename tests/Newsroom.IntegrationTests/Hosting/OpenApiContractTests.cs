using System.Text.Json.Nodes;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// The committed openapi/newsroom.v1.json is what front-end teams code against: any change to the served document
/// must be a deliberate change of that file. Regenerate it with <c>NEWSROOM_UPDATE_OPENAPI=1 dotnet test --filter OpenApiContract</c>.
/// </summary>
public sealed class OpenApiContractTests(OpenApiContractTests.Factory api) : IClassFixture<OpenApiContractTests.Factory>
{
    /// <summary>The document is only served where it is exposed on purpose (Development, or Newsroom:OpenApi:Expose).</summary>
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:OpenApi:Expose"] = "true" };
    }

    [Fact]
    public async Task The_served_document_matches_the_committed_contract()
    {
        var served = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var file = Path.Combine(RepositoryRoot(), "openapi", "newsroom.v1.json");
        var pretty = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

        if (Environment.GetEnvironmentVariable("NEWSROOM_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(file, pretty);
        }

        Assert.True(File.Exists(file), $"{file} is missing: run NEWSROOM_UPDATE_OPENAPI=1 dotnet test --filter OpenApiContract");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.True(JsonNode.DeepEquals(served, committed),
            "The served OpenAPI document differs from openapi/newsroom.v1.json. If the change is intended, run NEWSROOM_UPDATE_OPENAPI=1 dotnet test --filter OpenApiContract and commit the file.");
    }

    [Fact]
    public async Task Every_operation_has_a_name_a_summary_and_a_tag()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                Assert.False(string.IsNullOrEmpty(operation!["operationId"]?.GetValue<string>()), $"{method} {path} has no operationId");
                Assert.False(string.IsNullOrEmpty(operation["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
                Assert.NotNull(operation["tags"]);
                if (path.StartsWith("/api/v1/admin", StringComparison.Ordinal))
                {
                    Assert.NotNull(operation["security"]);
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Api.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Api.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>The real API process with no connection string: it runs (and supervises) its own cluster in its data folder.</summary>
public sealed class EmbeddedApiProcess : ApiProcess
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings__Newsroom"] = "",
        // Tests stream writes far beyond an editor's pace.
        ["Newsroom__RateLimits__WritesPerMinute"] = "1000000",
    };

    public string PidFile => Path.Combine(DataDirectory, "postgres", "pg", "postmaster.pid");

    /// <summary>The running postmaster, as its pid file names it.</summary>
    public int PostmasterId() => int.Parse(File.ReadLines(PidFile).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An author to sign the test's articles.</summary>
    public static async Task<Guid> CreateAuthorAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/authors", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

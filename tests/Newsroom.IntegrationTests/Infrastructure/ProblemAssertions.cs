using System.Net;
using System.Text.Json;

namespace Newsroom.IntegrationTests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 answer with our type and the members every problem carries; returns the document.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string typeName)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("urn:newsroom:problem:" + typeName, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The Cache-Control header as sent (HttpClient's parsed form reorders directives).</summary>
    public static string? CacheControl(this HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : null;

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : throw new Xunit.Sdk.XunitException($"No error for '{field}' in {problem.GetProperty("errors")}");
}

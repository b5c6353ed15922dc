using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>Issue 20, finding 3: changes are limited per signed-in account, so one account cannot keep the server busy.</summary>
public sealed class AuthorFloodingWritesTests(AuthorFloodingWritesTests.Factory api) : IClassFixture<AuthorFloodingWritesTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:WritesPerMinute"] = "3" };
    }

    [Fact]
    public async Task An_account_over_its_writes_per_minute_gets_429_while_another_account_still_writes()
    {
        var flooder = await api.CreateClientAsAsync(Roles.Editor);
        var colleague = await api.CreateClientAsAsync(Roles.Editor);
        var unknown = $"/api/v1/admin/articles/{Guid.CreateVersion7()}";

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await flooder.DeleteAsync(unknown)).StatusCode);
        }

        var refused = await flooder.PostAsJsonAsync("/api/v1/admin/articles", new { title = "Refusé" });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Contains("your account", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");

        Assert.Equal(HttpStatusCode.OK, (await flooder.GetAsync("/api/v1/admin/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.DeleteAsync(unknown)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await flooder.PutAsJsonAsync(unknown, new { })).StatusCode);
    }
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Sections;
using Newsroom.Domain.Sections;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>Every failure, whoever produces it, is problem+json with a stable type, a detail and a traceId.</summary>
public sealed class ProblemDetailsTests(ProblemDetailsTests.Factory api) : IClassFixture<ProblemDetailsTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:TokenRequestsPerMinute"] = "3" };
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsync("/api/v1/admin/sections", Json("{\"name\": \"Focus\""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_its_path()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsync("/api/v1/admin/sections", Json("{\"name\": \"Focus 2\", \"position\": \"premier\"}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("position", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_body_is_a_400()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsync("/api/v1/admin/sections", Json(""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Validation_failures_list_every_field_in_camel_case()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "", position = 99999 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(2, problem.GetProperty("errors").EnumerateObject().Count());
        Assert.NotEmpty(problem.FieldErrors("name"));
        Assert.NotEmpty(problem.FieldErrors("position"));
        Assert.Equal("/api/v1/admin/sections", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsync("/api/v1/admin/sections", new StringContent("name=Focus", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_a_413_and_writes_nothing()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var huge = JsonSerializer.Serialize(new { name = "Énorme", description = new string('é', 600_000) });

        var response = await editor.PostAsync("/api/v1/admin/sections", Json(huge));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/sections/enorme")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/nowhere/at-all");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await api.CreateClient().DeleteAsync("/api/v1/sections");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Bad_or_missing_credentials_are_401_and_a_weaker_role_403()
    {
        await (await api.CreateClient().DeleteAsync($"/api/v1/admin/sections/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var garbage = api.CreateClient();
        garbage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");
        await (await garbage.DeleteAsync($"/api/v1/admin/sections/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var author = await api.CreateClientAsAsync(Roles.Author);
        await (await author.DeleteAsync($"/api/v1/admin/sections/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_a_429_with_retry_after()
    {
        var client = api.CreateClient();
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "flood@tests.newsroom", password = "x" });
        }

        await last.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/sections");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}

/// <summary>An unexpected failure deep down (here: the database layer throwing) is a 500 problem that reveals nothing.</summary>
public sealed class InternalErrorTests(InternalErrorTests.Factory api) : IClassFixture<InternalErrorTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddScoped<ISectionRepository, BrokenSections>();
    }

    private sealed class BrokenSections : ISectionRepository
    {
        private static Exception Boom() => new InvalidOperationException("connection string Password=hunter2 at Newsroom.Secret.Internals");

        public Task<Section?> FindAsync(Guid id, CancellationToken cancellationToken) => throw Boom();

        public void Add(Section section) => throw Boom();

        public void Remove(Section section) => throw Boom();

        public Task<int> NextPositionAsync(CancellationToken cancellationToken) => throw Boom();

        public Task<IReadOnlyList<SectionResponse>> ListAsync(CancellationToken cancellationToken) => throw Boom();

        public Task<SectionResponse?> FindBySlugAsync(string slug, CancellationToken cancellationToken) => throw Boom();
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_without_internals()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/sections");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal");
        var body = problem.GetRawText();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Newsroom.Secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }
}

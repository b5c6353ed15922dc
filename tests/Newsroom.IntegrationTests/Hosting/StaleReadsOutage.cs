using System.Diagnostics;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// One outage of an external cluster, played once for <see cref="StaleReadsDuringOutageTests"/>: two APIs on the same
/// cluster (stale-if-error on, and off), public reads cached with a 1 s lifetime, an article withdrawn before the
/// outage, the cluster stopped for 10 s while readers keep reading, then started again. What each request got is
/// kept for the tests to examine.
/// </summary>
public sealed class StaleReadsOutage : IAsyncLifetime
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(10);

    /// <summary>Long enough for anything that should happen at once, even on a loaded runner; the tests say how soon.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private StoppableCluster _cluster = null!;
    private OutageApi _api = null!;
    private OutageApi _withoutStaleReads = null!;

    public Seen ArticleBefore { get; private set; } = null!;
    public Seen ListBefore { get; private set; } = null!;
    public Seen StaleArticle { get; private set; } = null!;
    public Seen StaleList { get; private set; } = null!;
    public Seen StaleRevalidation { get; private set; } = null!;
    public Seen UncachedRead { get; private set; } = null!;
    public Seen Write { get; private set; } = null!;
    public Seen WithdrawnArticle { get; private set; } = null!;
    public Seen WithoutStaleReadsBefore { get; private set; } = null!;

    /// <summary>What the API with stale-if-error off answered once its copy had expired.</summary>
    public Seen WithoutStaleReadsExpired { get; private set; } = null!;

    /// <summary>Every answer to the cached article and list while the cluster was down.</summary>
    public List<Seen> CachedReadsDuringOutage { get; } = [];

    public TimeSpan OutageLasted { get; private set; }

    /// <summary>Every answer after the cluster's return.</summary>
    public List<Seen> AfterReturn { get; } = [];

    public TimeSpan FreshArticleAfter { get; private set; }
    public TimeSpan UncachedReadAfter { get; private set; }
    public TimeSpan WriteAfter { get; private set; }

    public string ArticleUrl { get; private set; } = null!;
    public const string ListUrl = "/api/v1/articles?limit=5";

    public async Task InitializeAsync()
    {
        _cluster = await StoppableCluster.StartAsync();
        _api = new OutageApi(_cluster, staleIfErrorSeconds: "86400");
        _withoutStaleReads = new OutageApi(_cluster, staleIfErrorSeconds: "0");
        await _api.InitializeAsync();
        await _withoutStaleReads.InitializeAsync();
        var reader = _api.CreateClient();
        var otherReader = _withoutStaleReads.CreateClient();
        var admin = await _api.CreateAdminClientAsync();
        var authorId = await _api.CreateAuthorAsync("Plume de la panne");
        var front = await PublishAsync(admin, authorId, "À la une pendant la panne");
        var withdrawn = await PublishAsync(admin, authorId, "Retiré avant la panne");
        ArticleUrl = $"/api/v1/articles/{front.Slug}";

        // Cached, then evicted by the withdrawal: its copy must not come back when the database goes.
        var withdrawnUrl = $"/api/v1/articles/{withdrawn.Slug}";
        await UntilAsync(() => reader.GetAsync(withdrawnUrl), IsStored, []);
        (await admin.PostAsync($"/api/v1/admin/articles/{withdrawn.Id}/withdraw", null)).EnsureSuccessStatusCode();
        ArticleBefore = await UntilAsync(() => reader.GetAsync(ArticleUrl), IsStored, []);
        ListBefore = await UntilAsync(() => reader.GetAsync(ListUrl), IsStored, []);
        WithoutStaleReadsBefore = await UntilAsync(() => otherReader.GetAsync(ArticleUrl), IsStored, []);

        await _cluster.StopAsync();
        var down = Stopwatch.StartNew();
        UncachedRead = await Seen.Of(reader.GetAsync($"{ListUrl}&uncached={Guid.NewGuid():N}"));
        Write = await Seen.Of(admin.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, "Écrit pendant la panne")));
        WithdrawnArticle = await Seen.Of(reader.GetAsync(withdrawnUrl));
        // Fresh copies (1 s) are served as usual; what matters is what comes once they have expired.
        StaleArticle = await UntilAsync(() => reader.GetAsync(ArticleUrl), seen => seen.CacheStatus is not null, CachedReadsDuringOutage);
        StaleList = await UntilAsync(() => reader.GetAsync(ListUrl), seen => seen.CacheStatus is not null, CachedReadsDuringOutage);
        StaleRevalidation = await Seen.Of(SendAsync(reader, ArticleUrl, ArticleBefore.ETag));
        WithoutStaleReadsExpired = await UntilAsync(() => otherReader.GetAsync(ArticleUrl), seen => seen.Status != HttpStatusCode.OK, []);
        while (down.Elapsed < Length)
        {
            CachedReadsDuringOutage.Add(await Seen.Of(reader.GetAsync(ArticleUrl)));
            CachedReadsDuringOutage.Add(await Seen.Of(reader.GetAsync(ListUrl)));
            await Task.Delay(100);
        }

        await _cluster.RestartAsync();
        OutageLasted = down.Elapsed;
        var back = Stopwatch.StartNew();
        FreshArticleAfter = await UntilReturnedAsync(back, () => reader.GetAsync(ArticleUrl), seen => seen.Status == HttpStatusCode.OK && seen.CacheStatus is null);
        UncachedReadAfter = await UntilReturnedAsync(back, () => reader.GetAsync($"{ListUrl}&after={Guid.NewGuid():N}"), seen => seen.Status == HttpStatusCode.OK);
        WriteAfter = await UntilReturnedAsync(back, () => admin.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, "Écrit après la panne")), seen => seen.Status == HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_withoutStaleReads).DisposeAsync();
        await ((IAsyncLifetime)_api).DisposeAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>
    /// Served from the server cache, so stored there (a cached answer says its Age). Each read is tried until then:
    /// an answer read while an eviction ran (a publication's vocabulary rebuild evicts searches) is rightly not stored.
    /// </summary>
    private static bool IsStored(Seen seen) => seen.Status == HttpStatusCode.OK && seen.Age is not null;

    private static async Task<(Guid Id, string Slug)> PublishAsync(HttpClient admin, Guid authorId, string title)
    {
        var article = await admin.CreateArticleAsync(ArticleFixtures.Body(authorId, title));
        (await admin.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null)).EnsureSuccessStatusCode();
        return (Guid.Parse(article.Id()), article.GetProperty("slug").GetString()!);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    /// <summary>Asks until the answer is the one awaited (each answer kept in <paramref name="all"/>); fails at the deadline.</summary>
    private static async Task<Seen> UntilAsync(Func<Task<HttpResponseMessage>> request, Func<Seen, bool> awaited, List<Seen> all)
    {
        var since = Stopwatch.StartNew();
        while (true)
        {
            var seen = await Seen.Of(request());
            all.Add(seen);
            if (awaited(seen))
            {
                return seen;
            }

            Assert.True(since.Elapsed < Deadline, $"Still {(int)seen.Status} {seen.CacheStatus} after {since.Elapsed}: {seen.Body}");
            await Task.Delay(50);
        }
    }

    private async Task<TimeSpan> UntilReturnedAsync(Stopwatch back, Func<Task<HttpResponseMessage>> request, Func<Seen, bool> awaited)
    {
        await UntilAsync(request, awaited, AfterReturn);
        return back.Elapsed;
    }

    /// <summary>An answer, read whole: status, the headers the tests look at, and the body.</summary>
    public sealed record Seen(HttpStatusCode Status, string Body, string? ETag, string? LastModified, string? Age, string? CacheStatus, string? CacheControl, string? RetryAfter)
    {
        public static async Task<Seen> Of(Task<HttpResponseMessage> sent)
        {
            using var response = await sent;
            return new Seen(
                response.StatusCode,
                await response.Content.ReadAsStringAsync(),
                Header(response, "ETag"),
                Header(response, "Last-Modified"),
                Header(response, "Age"),
                Header(response, "Cache-Status"),
                response.CacheControl(),
                Header(response, "Retry-After"));
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;
    }

    private sealed class OutageApi(StoppableCluster cluster, string staleIfErrorSeconds) : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:Caching:ServerCacheSeconds"] = "1",
            ["Newsroom:Caching:StaleIfErrorSeconds"] = staleIfErrorSeconds,
        };

        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(cluster.ConnectionString);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Tags;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Seeding;

namespace Newsroom.IntegrationTests.Persistence;

/// <summary>
/// A first run with demo content shows a living magazine: every article publishable, French typography intact,
/// two articles coming up, and nothing added when the seeder runs again. Read straight from the database, since
/// the public article endpoints come later.
/// </summary>
public sealed class DemoContentTests(DemoContentTests.Factory api) : IClassFixture<DemoContentTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:SeedDemoContent"] = "true",
        };

        // A clock the test can read back exactly, to check the scheduled instants.
        protected override bool UseFakeClock => true;
    }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_first_run_publishes_28_articles_and_schedules_2_by_5_authors()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var articles = await db.Articles.AsNoTracking().ToListAsync();
        var now = api.Clock.GetUtcNow();

        Assert.Equal(30, articles.Count);
        Assert.Equal(5, await db.Authors.CountAsync());
        var published = articles.Where(a => a.Status == ArticleStatus.Published).ToList();
        Assert.Equal(28, published.Count);
        Assert.All(published, a => Assert.True(a.IsPublicAt(now), $"'{a.Title}' is published at {a.PublishedAt}, after {now}"));
        Assert.All(published, a => Assert.Equal(a.PublishedAt, a.FirstPublishedAt));

        var scheduled = articles.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.PublishAt).ToList();
        Assert.Equal(2, scheduled.Count);
        Assert.All(scheduled, a => Assert.False(a.IsPublicAt(now)));
        Assert.Equal(new[] { MorningInParis(now, 2), MorningInParis(now, 5) }, scheduled.Select(a => a.PublishAt!.Value).ToArray());
    }

    [Fact]
    public async Task Every_demo_article_has_a_byline_a_standfirst_a_rendered_body_and_a_valid_unique_slug()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var articles = await db.Articles.AsNoTracking().ToListAsync();

        Assert.All(articles, a =>
        {
            Assert.NotEmpty(a.Authors);
            Assert.False(string.IsNullOrWhiteSpace(a.Standfirst), a.Title);
            Assert.True(Slug.IsValid(a.Slug), $"'{a.Slug}' is not a valid slug");
            Assert.StartsWith("<", a.BodyHtml, StringComparison.Ordinal);
            Assert.True(a.WordCount > 100, $"'{a.Title}' has {a.WordCount} words");
            Assert.InRange(a.ReadingTimeMinutes, 1, 30);
            Assert.NotEmpty(a.Tags);
        });
        Assert.Equal(articles.Count, articles.Select(a => a.Slug).Distinct().Count());
        Assert.All(await db.Authors.AsNoTracking().ToListAsync(), author =>
        {
            Assert.True(Slug.IsValid(author.Slug), author.Slug);
            Assert.Null(author.UserId);
        });
        Assert.All(await db.Tags.AsNoTracking().ToListAsync(), tag => Assert.True(Slug.IsValid(tag.Slug), tag.Slug));
    }

    [Fact]
    public async Task French_typography_survives_the_round_trip_and_gives_readable_slugs()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var titles = await db.Articles.Select(a => a.Title).ToListAsync();

        Assert.Equal(DemoContent.Load().Articles.Select(a => a.Title).Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        // Curly apostrophe, ligature, accents and the no-break space French sets before a colon.
        const string Title = "L’œil des marques\u00A0: quand les lunettes connectées deviennent un média";
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Title == Title);
        Assert.Equal("l-oeil-des-marques-quand-les-lunettes-connectees-deviennent-un-media", article.Slug);
        Assert.Contains("’", article.Standfirst + article.Body, StringComparison.Ordinal);
        Assert.Contains(await db.Authors.Select(a => a.Name).ToListAsync(), name => name == "Élodie Fournier");
    }

    [Fact]
    public async Task Tags_are_one_per_slug_and_each_article_starts_with_its_created_revision()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var admin = await db.Users.SingleAsync(u => u.Email == NewsroomApiFactory.AdminEmail);
        var articles = await db.Articles.AsNoTracking().ToListAsync();
        var revisions = await db.ArticleRevisions.AsNoTracking().ToListAsync();

        var expectedTags = DemoContent.Load().Articles.SelectMany(a => a.Tags).Select(n => Slug.From(Tag.NormalizeName(n))).Distinct().Count();
        Assert.Equal(expectedTags, await db.Tags.CountAsync());
        Assert.Equal(articles.Count, revisions.Count);
        Assert.All(articles, a =>
        {
            Assert.Equal(admin.Id, a.CreatedBy);
            Assert.Equal(1, a.RevisionCount);
            Assert.True(a.CreatedAt < (a.PublishAt ?? a.PublishedAt), $"'{a.Title}' was created after it went live");
            var revision = Assert.Single(revisions, r => r.ArticleId == a.Id);
            Assert.Equal((1, "created", a.Title, a.Slug), (revision.Number, revision.Action, revision.Snapshot.Title, revision.Snapshot.Slug));
            Assert.Equal(a.CreatedAt, revision.CreatedAt);
        });
        // Demo content is not news: nothing may be announced to webhooks or caches.
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await CountEverythingAsync();

        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsroomSeeder>().SeedAsync(demoContent: true, CancellationToken.None);
        }

        Assert.Equal((30, 5), (before.Articles, before.Authors));
        Assert.Equal(before, await CountEverythingAsync());
    }

    private async Task<(int Articles, int Authors, int Tags, int Revisions, int Users)> CountEverythingAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return (await db.Articles.CountAsync(), await db.Authors.CountAsync(), await db.Tags.CountAsync(),
            await db.ArticleRevisions.CountAsync(), await db.Users.CountAsync());
    }

    private static DateTimeOffset MorningInParis(DateTimeOffset now, int days)
    {
        var day = TimeZoneInfo.ConvertTime(now, Paris).Date.AddDays(days).AddHours(7);
        return new DateTimeOffset(day, Paris.GetUtcOffset(day)).ToUniversalTime();
    }
}

/// <summary>Two instances starting together on one empty database (a rolling deploy, a compose scale-up) seed it once.</summary>
public sealed class ConcurrentDemoSeedingTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task Two_seeders_racing_on_an_empty_newsroom_seed_the_demo_once()
    {
        await using var first = api.Services.CreateAsyncScope();
        await using var second = api.Services.CreateAsyncScope();

        await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<NewsroomSeeder>().SeedAsync(demoContent: true, CancellationToken.None),
            second.ServiceProvider.GetRequiredService<NewsroomSeeder>().SeedAsync(demoContent: true, CancellationToken.None));

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        Assert.Equal((30, 5), (await db.Articles.CountAsync(), await db.Authors.CountAsync()));
    }
}

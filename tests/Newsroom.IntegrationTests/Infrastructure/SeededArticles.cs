using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Tags;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Infrastructure;

public enum SeededState
{
    Draft,
    Published,

    /// <summary>Scheduled for an instant that has already come: public without any job having run.</summary>
    ScheduledAndDue,

    /// <summary>Scheduled for tomorrow: not public yet.</summary>
    ScheduledLater,
    Withdrawn,
}

/// <summary>Articles and authors written straight into the test database, for endpoints that only read or count them.</summary>
public static class SeededArticles
{
    public static async Task<Guid> InsertAuthorAsync(this NewsroomApiFactory api, string name)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var author = new Author(Guid.CreateVersion7(), name, Domain.Slug.From(name) + "-" + Guid.NewGuid().ToString("N")[..6], null, null, null, DateTimeOffset.UtcNow);
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        // Written behind the API's back: drop cached public reads as a committed command would.
        await scope.ServiceProvider.GetRequiredService<Newsroom.Application.Common.Abstractions.IContentChangeNotifier>().ContentChangedAsync(Newsroom.Application.Common.Abstractions.PublicChange.Everything, CancellationToken.None);
        return author.Id;
    }

    /// <summary>Tags as the article handlers make them, through the repository; their ids in the order named.</summary>
    public static async Task<Guid[]> EnsureTagsAsync(this NewsroomApiFactory api, params string[] names)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var tags = await scope.ServiceProvider.GetRequiredService<ITagRepository>().EnsureTagsAsync(names, CancellationToken.None);
        return tags.Select(t => t.Id).ToArray();
    }

    /// <summary>Inserts an article in the given state, signed by the authors and filed under the tags in the order given.</summary>
    public static async Task<Guid> InsertArticleAsync(this NewsroomApiFactory api, SeededState state, IReadOnlyList<Guid> authorIds, IReadOnlyList<Guid>? tagIds = null)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var section = await db.Sections.OrderBy(s => s.Position).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var content = new ArticleContent("Un titre", "Un chapô", "Un corps", section.Id, tagIds ?? [], authorIds, [], null);
        var id = Guid.CreateVersion7();
        var article = Article.CreateDraft(id, "article-" + id.ToString("N"), content, new ArticleRendering("<p>x</p>", "x", 1, 1), Guid.NewGuid(), now.AddHours(-2));
        switch (state)
        {
            case SeededState.Published:
                article.Publish(now.AddHours(-1));
                break;
            case SeededState.ScheduledAndDue:
                article.Schedule(now.AddMinutes(-1), now.AddHours(-1));
                break;
            case SeededState.ScheduledLater:
                article.Schedule(now.AddDays(1), now);
                break;
            case SeededState.Withdrawn:
                article.Publish(now.AddHours(-1));
                article.Withdraw(now.AddMinutes(-30));
                break;
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync();
        // Written behind the API's back: drop cached public reads as a committed command would.
        await scope.ServiceProvider.GetRequiredService<Newsroom.Application.Common.Abstractions.IContentChangeNotifier>().ContentChangedAsync(Newsroom.Application.Common.Abstractions.PublicChange.Everything, CancellationToken.None);
        return id;
    }

    /// <summary>The article's row version (PostgreSQL xmin), which is its ETag.</summary>
    public static async Task<uint> ArticleVersionAsync(this NewsroomApiFactory api, Guid articleId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.Articles.IgnoreAutoIncludes().Where(a => a.Id == articleId).Select(a => a.Version).SingleAsync();
    }

    /// <summary>The article's tags as stored: (tag id, position), by position.</summary>
    public static async Task<(Guid TagId, int Position)[]> TagLinksAsync(this NewsroomApiFactory api, Guid articleId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var links = await db.Set<ArticleTag>().AsNoTracking().Where(t => t.ArticleId == articleId).OrderBy(t => t.Position).ToListAsync();
        return links.Select(t => (t.TagId, t.Position)).ToArray();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>Published articles at chosen instants, written straight to the database for readers' tests.</summary>
public static class ReaderFixtures
{
    public static async Task<(Guid Id, string Slug)> InsertPublishedAsync(
        this NewsroomApiFactory api, string title, DateTimeOffset publishedAt, Guid authorId,
        Guid? sectionId = null, IReadOnlyList<Guid>? tagIds = null, string standfirst = "Un chapô pour les lecteurs.")
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var id = Guid.CreateVersion7();
        var slug = Newsroom.Domain.Slug.From(title) + "-" + id.ToString("N")[^6..];
        var content = new ArticleContent(title, standfirst, "Le corps de « " + title + " ».", sectionId ?? ArticleFixtures.Technologies, tagIds ?? [], [authorId], [new ArticleSource("AFP", null)], null);
        var article = Article.CreateDraft(id, slug, content, new ArticleRendering($"<p>Le corps de « {title} ».</p>", "Le corps", 4, 1), Guid.NewGuid(), publishedAt.AddHours(-1));
        article.Publish(publishedAt);
        article.ClearEvents();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IContentChangeNotifier>().ContentChangedAsync(Newsroom.Application.Common.Abstractions.PublicChange.Everything, CancellationToken.None);
        return (id, slug);
    }

    /// <summary>Runs SQL behind the API's back without evicting anything: what the output cache must hide until a real change.</summary>
    public static async Task ExecuteBehindTheApiAsync(this NewsroomApiFactory api, FormattableString sql)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlAsync(
            scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Database, sql);
    }
}

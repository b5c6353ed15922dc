using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Api.Auth;
using Newsroom.Api.Http;
using Newsroom.Api.OpenApi;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;

namespace Newsroom.Api.Endpoints;

/// <summary>The newsroom's daily work: drafts, revisions, scheduling, publishing and withdrawing.</summary>
public static class AdminArticlesEndpoints
{
    /// <summary>When to publish.</summary>
    /// <param name="PublishAt">A future instant, ISO 8601 (e.g. 2025-07-11T13:00:00Z for 15:00 in Paris).</param>
    public sealed record ScheduleBody(DateTimeOffset? PublishAt);

    /// <summary>The editors' picks.</summary>
    /// <param name="ArticleIds">Up to 6 article ids, shown first and in this order; [] clears them.</param>
    public sealed record RelatedBody(IReadOnlyList<Guid>? ArticleIds);

    private static readonly ArticleInput Example = new(
        "La 5G autonome s’installe chez les opérateurs français",
        null,
        "Après des mois d’essais, les réseaux « cœur 5G » entrent en service commercial.",
        "## Ce qui change\n\nLes opérateurs basculent leur **cœur de réseau**…",
        Guid.Parse("0193f000-0000-7000-8000-000000000001"),
        ["5G", "Télécoms"],
        [Guid.Parse("0193f000-0000-7000-8000-0000000000a1")],
        [new SourceInput("AFP", null)],
        new CoverImageInput("https://images.exemple.fr/5g.jpg", "Une antenne 5G sur un toit parisien", "Photo : AFP", null));

    public static IEndpointRouteBuilder MapAdminArticlesEndpoints(this IEndpointRouteBuilder admin)
    {
        var articles = admin.MapGroup("/articles").WithTags("Admin: articles").RequireAuthorization(Policies.Staff);
        articles.MapPost("/", Create)
            .WithName("CreateArticle").WithSummary("Creates a draft. Honours Idempotency-Key (24 h).")
            .WithRequestExample(Example)
            .AddEndpointFilter<IdempotencyFilter<ArticleInput, AdminArticleResponse>>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        articles.MapGet("/", List)
            .WithName("ListEditorialArticles").WithSummary("Articles in every status, newest-updated first; authors see only their own.")
            .ProducesValidationProblem();
        articles.MapGet("/{id:guid}", Get)
            .WithName("GetArticle").WithSummary("One article with its ETag (send it back in If-Match to update).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapPut("/{id:guid}", Update)
            .WithName("UpdateArticle").WithSummary("Replaces the editable content; requires If-Match.")
            .WithRequestExample(Example)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        articles.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteArticle").WithSummary("Deletes a draft or withdrawn article.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var editorial = articles.MapGroup("/{id:guid}").RequireAuthorization(Policies.EditorOrAdmin);
        editorial.MapPost("/publish", Publish)
            .WithName("PublishArticle").WithSummary("Publishes now (Editor+). Needs a standfirst and an author.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        editorial.MapPost("/schedule", Schedule)
            .WithName("ScheduleArticle").WithSummary("Schedules publication at a future instant (Editor+).")
            .WithRequestExample(new ScheduleBody(new DateTimeOffset(2025, 7, 11, 13, 0, 0, TimeSpan.Zero)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        editorial.MapPost("/unschedule", Unschedule)
            .WithName("UnscheduleArticle").WithSummary("Takes a scheduled article back to draft (Editor+).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        editorial.MapPost("/withdraw", Withdraw)
            .WithName("WithdrawArticle").WithSummary("Removes a published article from every public view (Editor+).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        editorial.MapPut("/related", SetRelated)
            .WithName("SetRelatedArticles").WithSummary("The editors' picks for \"À lire également\": up to 6 article ids, in order (Editor+).")
            .WithRequestExample(new RelatedBody([Guid.Parse("0193f000-0000-7000-8000-0000000000b1")]))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapGet("/{id:guid}/preview", Preview)
            .WithName("PreviewArticle").WithSummary("The article in exactly the public article page's shape, whatever its status.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapGet("/{id:guid}/revisions", Revisions)
            .WithName("ListArticleRevisions").WithSummary("Every saved change, newest first: what changed, who, when.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapGet("/{id:guid}/revisions/{number:int}", Revision)
            .WithName("GetArticleRevision").WithSummary("One revision with the content as it then was.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapPost("/{id:guid}/revisions/{number:int}/restore", Restore)
            .WithName("RestoreArticleRevision").WithSummary("Brings back a revision's content as a new revision.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return admin;
    }

    private static async Task<Created<AdminArticleResponse>> Create(ArticleInput body, ISender sender, HttpResponse response, CancellationToken ct)
    {
        var article = await sender.Send(new CreateArticle(body), ct);
        response.Headers.ETag = ETags.From(article.Version);
        return TypedResults.Created($"/api/v1/admin/articles/{article.Id}", article);
    }

    private static async Task<Ok<CursorPage<AdminArticleSummary>>> List(
        ISender sender, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] string? section = null, [FromQuery] string? tag = null,
        [FromQuery] string? author = null, [FromQuery] string? q = null, [FromQuery] int? limit = null, [FromQuery] string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListArticles(status, section, tag, author, q, limit, cursor), ct));

    private static async Task<Ok<AdminArticleResponse>> Get(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await sender.Send(new GetArticle(id), ct));

    private static async Task<Ok<AdminArticleResponse>> Update(Guid id, ArticleInput body, ISender sender, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await sender.Send(new UpdateArticle(id, ETags.ParseIfMatch(request), body), ct));

    private static async Task<NoContent> Delete(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteArticle(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AdminArticleResponse>> Publish(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await sender.Send(new PublishArticle(id), ct));

    private static async Task<Ok<AdminArticleResponse>> Schedule(Guid id, ScheduleBody body, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await sender.Send(new ScheduleArticle(id, body.PublishAt), ct));

    private static async Task<Ok<AdminArticleResponse>> Unschedule(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await sender.Send(new UnscheduleArticle(id), ct));

    private static async Task<Ok<AdminArticleResponse>> Withdraw(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await sender.Send(new WithdrawArticle(id), ct));

    private static async Task<Ok<IReadOnlyList<Guid>>> SetRelated(Guid id, RelatedBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetRelatedArticles(id, body.ArticleIds), ct));

    private static async Task<Ok<PublicArticleResponse>> Preview(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PreviewArticle(id), ct));

    private static async Task<Ok<IReadOnlyList<RevisionSummary>>> Revisions(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListRevisions(id), ct));

    private static async Task<Ok<RevisionResponse>> Revision(Guid id, int number, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetRevision(id, number), ct));

    private static async Task<Ok<AdminArticleResponse>> Restore(Guid id, int number, ISender sender, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await sender.Send(new RestoreRevision(id, number), ct));

    private static Ok<AdminArticleResponse> WithETag(HttpResponse response, AdminArticleResponse article)
    {
        response.Headers.ETag = ETags.From(article.Version);
        return TypedResults.Ok(article);
    }
}

using Mediator;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Articles;

[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record ListRevisions(Guid ArticleId) : IQuery<IReadOnlyList<RevisionSummary>>;

[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record GetRevision(Guid ArticleId, int Number) : IQuery<RevisionResponse>;

/// <summary>Brings back a revision's content as a new revision; the slug stays (links must keep working).</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record RestoreRevision(Guid ArticleId, int Number) : ICommand<AdminArticleResponse>, IRendersArticleBody
{
    // Revisions never change, so the body read here before the transaction is the one the handler restores.
    // Read before the access check: only its rendering is kept, and the handler refuses a caller who may not edit.
    public async ValueTask<string?> ReadBodyAsync(IArticleQueries queries, CancellationToken cancellationToken) =>
        (await queries.FindRevisionAsync(ArticleId, Number, cancellationToken))?.Snapshot.Body;
}

public sealed class RevisionHandlers(
    IArticleRepository articles,
    IArticleQueries queries,
    ArticleAccess access,
    ArticleWriting writing,
    IUnitOfWork unitOfWork) :
    IQueryHandler<ListRevisions, IReadOnlyList<RevisionSummary>>,
    IQueryHandler<GetRevision, RevisionResponse>,
    ICommandHandler<RestoreRevision, AdminArticleResponse>
{
    public async ValueTask<IReadOnlyList<RevisionSummary>> Handle(ListRevisions query, CancellationToken cancellationToken)
    {
        await access.EnsureCanReadAsync(await FindArticleAsync(query.ArticleId, cancellationToken), cancellationToken);
        return await queries.ListRevisionsAsync(query.ArticleId, cancellationToken);
    }

    public async ValueTask<RevisionResponse> Handle(GetRevision query, CancellationToken cancellationToken)
    {
        await access.EnsureCanReadAsync(await FindArticleAsync(query.ArticleId, cancellationToken), cancellationToken);
        var revision = await queries.FindRevisionAsync(query.ArticleId, query.Number, cancellationToken)
            ?? throw new NotFoundProblem($"Article {query.ArticleId} has no revision {query.Number}.");
        return new RevisionResponse(revision.Number, revision.Action, revision.ChangedFields, revision.CreatedBy, revision.CreatedAt, revision.Snapshot);
    }

    public async ValueTask<AdminArticleResponse> Handle(RestoreRevision command, CancellationToken cancellationToken)
    {
        var article = await FindArticleAsync(command.ArticleId, cancellationToken);
        await access.EnsureCanEditAsync(article, cancellationToken);
        var revision = await queries.FindRevisionAsync(command.ArticleId, command.Number, cancellationToken)
            ?? throw new NotFoundProblem($"Article {command.ArticleId} has no revision {command.Number}.");
        var old = revision.Snapshot;
        var input = new ArticleInput(old.Title, null, old.Standfirst, old.Body, old.SectionId, old.Tags.ToList<string?>(), old.AuthorIds,
            old.Sources.Select(s => (SourceInput?)new SourceInput(s.Name, s.Url)).ToList(),
            old.CoverImage is null ? null : new CoverImageInput(old.CoverImage.Url, old.CoverImage.Alt, old.CoverImage.Credit, old.CoverImage.Caption));
        var (content, tagNames) = await writing.ResolveAsync(input, cancellationToken);
        var changed = article.Edit(article.Slug, content, writing.Render(content.Body), writing.Now);
        await writing.RecordRevisionAsync(article, "restored", changed, tagNames, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return (await queries.GetAdminAsync(article.Id, cancellationToken))!;
    }

    private async Task<Domain.Articles.Article> FindArticleAsync(Guid id, CancellationToken cancellationToken) =>
        await articles.FindAsync(id, cancellationToken) ?? throw NotFoundProblem.For("article", id);
}

using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Tags;

/// <summary>Deletes a tag; the database removes it from its articles (the articles themselves stay).</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record DeleteTag(Guid Id) : ICommand;

public sealed class DeleteTagHandler(ITagRepository tags, IUnitOfWork unitOfWork) : ICommandHandler<DeleteTag>
{
    public async ValueTask<Unit> Handle(DeleteTag command, CancellationToken cancellationToken)
    {
        var tag = await tags.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("tag", command.Id);
        var filed = await tags.ArticleIdsAsync(tag.Id, cancellationToken);
        tags.Remove(tag);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await tags.ReindexArticlesAsync(filed, cancellationToken);
        return Unit.Value;
    }
}

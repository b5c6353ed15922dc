using Mediator;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Tags;

/// <summary>Deletes a tag; the database removes it from its articles (the articles themselves stay).</summary>
public sealed record DeleteTag(Guid Id) : ICommand;

public sealed class DeleteTagHandler(ITagRepository tags) : ICommandHandler<DeleteTag>
{
    public async ValueTask<Unit> Handle(DeleteTag command, CancellationToken cancellationToken)
    {
        var tag = await tags.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("tag", command.Id);
        await tags.TouchArticlesAsync(tag.Id, cancellationToken);
        tags.Remove(tag);
        return Unit.Value;
    }
}

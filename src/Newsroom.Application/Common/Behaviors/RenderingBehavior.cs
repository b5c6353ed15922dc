using Mediator;
using Newsroom.Application.Articles;
using Newsroom.Application.Articles.Rendering;

namespace Newsroom.Application.Common.Behaviors;

/// <summary>
/// Renders the body of a command that saves one, after validation and before the transaction: rendering is pure CPU
/// work, and doing it inside the transaction kept a connection "idle in transaction" for as long as it took.
/// </summary>
public sealed class RenderingBehavior<TMessage, TResponse>(ArticleBodyRendering rendering, IArticleQueries queries)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IRendersArticleBody, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (await message.ReadBodyAsync(queries, cancellationToken) is { } markdown)
        {
            await rendering.RenderAsync(markdown, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}

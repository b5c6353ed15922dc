namespace Newsroom.Application.Articles.Rendering;

/// <summary>
/// A command that saves an article body. Its body is rendered by <see cref="Common.Behaviors.RenderingBehavior{TMessage, TResponse}"/>
/// after validation and before the transaction, and the handler reads the result from <see cref="ArticleBodyRendering"/>.
/// </summary>
public interface IRendersArticleBody
{
    /// <summary>The Markdown the command will save; read through <paramref name="queries"/> when it comes from a stored revision. Null: nothing to render.</summary>
    ValueTask<string?> ReadBodyAsync(IArticleQueries queries, CancellationToken cancellationToken);
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Articles;

namespace Newsroom.Application.Articles.Rendering;

/// <summary>
/// Renders a body within the time budget, and keeps the outcome for the handler of the same request. A pipeline
/// behaviour calls <see cref="RenderAsync"/> before the command's transaction begins, so no database connection
/// waits inside a transaction while the CPU renders; the handler then reads the result with <see cref="Result"/>.
/// </summary>
public sealed class ArticleBodyRendering(IArticleBodyRenderer renderer, RenderingSlots slots, RenderingOptions options, ILogger<ArticleBodyRendering> logger)
{
    private readonly Dictionary<string, Func<ArticleRendering>> outcomes = new(StringComparer.Ordinal);

    /// <summary>Checks the body's cost, then renders it; a refusal is kept and thrown when the handler asks for the result.</summary>
    public async Task RenderAsync(string markdown, CancellationToken cancellationToken)
    {
        if (outcomes.ContainsKey(markdown))
        {
            return;
        }

        if (ArticleBodyCost.FindExcess(markdown) is { } excess)
        {
            // Bodies saved before the limits existed come back through revisions: refused, not rendered.
            outcomes[markdown] = () => throw new UnprocessableProblem(
                "The body cannot be rendered: it " + excess.Message, new Dictionary<string, string[]> { ["body"] = [excess.Message] });
            return;
        }

        var budget = TimeSpan.FromMilliseconds(options.TimeBudgetMilliseconds);
        var started = TimeProvider.System.GetTimestamp();
        if (!await slots.TryEnterAsync(budget, cancellationToken))
        {
            throw new TooManyAttemptsProblem("Too many bodies are being rendered at once; retry in a second.", TimeSpan.FromSeconds(1));
        }

        // Markdig and AngleSharp cannot be cancelled. The render runs on the thread pool and the request stops
        // waiting when the budget is spent; the abandoned render finishes on its own (bounded by the limits above)
        // and only then gives its slot back.
        var work = Task.Run(() =>
        {
            try
            {
                return renderer.Render(markdown);
            }
            finally
            {
                slots.Leave();
            }
        }, CancellationToken.None);
        try
        {
            var left = budget - TimeProvider.System.GetElapsedTime(started);
            var body = await work.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
            var rendering = new ArticleRendering(body.Html, body.Text, body.WordCount, body.ReadingTimeMinutes);
            outcomes[markdown] = () => rendering;
        }
        catch (TimeoutException)
        {
            _ = work.ContinueWith(
                done => logger.LogWarning(done.Exception, "An abandoned render of {Length} characters ended after the budget", markdown.Length),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            logger.LogWarning("Rendering a body of {Length} characters exceeded its budget of {Budget} ms", markdown.Length, options.TimeBudgetMilliseconds);
            var budgetText = options.TimeBudgetMilliseconds.ToString("N0", CultureInfo.InvariantCulture);
            outcomes[markdown] = () => throw new UnprocessableProblem(
                $"The body took longer than {budgetText} ms to render; simplify it (fewer nested elements, links or emphasis) and save again.",
                new Dictionary<string, string[]> { ["body"] = [$"took longer than {budgetText} ms to render."] });
        }
    }

    /// <summary>The rendering of a body this request rendered beforehand, or the problem that refused it.</summary>
    public ArticleRendering Result(string markdown) =>
        outcomes.TryGetValue(markdown, out var outcome)
            ? outcome()
            : throw new InvalidOperationException("The body was not rendered before the transaction: the command must implement IRendersArticleBody.");
}

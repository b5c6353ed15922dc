using Mediator;
using Microsoft.Extensions.Logging;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Telemetry;

namespace Newsroom.Application.Articles;

/// <summary>
/// Moves scheduled articles whose instant has come to published, with the same revision an editor's publication
/// records (by nobody: the newsroom itself acts). Answers how many went live. Sent on a timer by the scheduled
/// publisher; several API instances may send it at once, and each due article still goes live once.
/// </summary>
[SystemOnly]
public sealed record PublishDueArticles : ICommand<int>;

public sealed partial class PublishDueArticlesHandler(IArticleRepository articles, ArticleWriting writing, NewsroomMetrics metrics, ILogger<PublishDueArticlesHandler> logger)
    : ICommandHandler<PublishDueArticles, int>
{
    /// <summary>At most this many per round, so one round's transaction stays short; the rest go on the next tick.</summary>
    private const int BatchSize = 100;

    public async ValueTask<int> Handle(PublishDueArticles command, CancellationToken cancellationToken)
    {
        var now = writing.Now;
        var due = await articles.ClaimDueAsync(now, BatchSize, cancellationToken);
        foreach (var article in due.Where(a => a.GoLiveIfDue(now)))
        {
            // GoLiveIfDue dates the publication at its scheduled instant: what it was waiting for is now minus that.
            metrics.WentLive(now - article.PublishedAt!.Value);
            await writing.RecordRevisionAsync(article, "published", ["status"], null, cancellationToken);
        }

        if (due.Count > 0)
        {
            LogPublished(due.Count);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled article(s)")]
    private partial void LogPublished(int count);
}

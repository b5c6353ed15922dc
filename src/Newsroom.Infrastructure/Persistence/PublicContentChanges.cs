using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Outbox;
using Newsroom.Infrastructure.Search;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// What a committed change readers can see makes stale: the cached public answers, dropped at once, and the search
/// vocabulary, rebuilt in the background (it evicts the answers again when done). Without the rebuild, words of a
/// withdrawn, unscheduled or edited article would stay completions until the next periodic refresh. The outbox's
/// dispatcher is woken too, to send at once the edge caches' purge the change wrote there.
/// </summary>
internal sealed class PublicContentChanges(IEnumerable<IPublicResponseCache> responseCaches, SearchVocabularyRefresher vocabulary, OutboxSignal outbox) : IContentChangeNotifier
{
    public async Task ContentChangedAsync(PublicChange change, CancellationToken cancellationToken)
    {
        foreach (var cache in responseCaches)
        {
            await cache.EvictAsync(change, cancellationToken);
        }

        vocabulary.RequestRefresh();
        outbox.Wake();
    }
}

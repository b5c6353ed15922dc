namespace Newsroom.Infrastructure.Outbox;

/// <summary>
/// Something to tell the world, written in the same transaction as the change it reports: the articles' domain
/// events (<see cref="ArticleId"/>) and the edge caches' purges (<see cref="Payload"/>: the keys). The dispatcher
/// (<see cref="OutboxDispatcher"/>) hands each to its handler and marks it processed once handled.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    /// <summary>The article a domain event is about; none for messages about no one article (an edge purge).</summary>
    public Guid? ArticleId { get; set; }

    /// <summary>What the handler needs beyond the type, as text (an edge purge's keys); none for domain events.</summary>
    public string? Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Failed tries so far (a claim that ended in a failure counts one).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Not before this instant (the database's clock): the back-off after a failure, or the lease of the instance that
    /// claimed it, so that no other instance takes it meanwhile. None: due at once.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
}

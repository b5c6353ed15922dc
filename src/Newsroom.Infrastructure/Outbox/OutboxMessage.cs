namespace Newsroom.Infrastructure.Outbox;

/// <summary>A domain event written in the same transaction as the change it reports; cache purges and webhooks read from here.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public Guid ArticleId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}

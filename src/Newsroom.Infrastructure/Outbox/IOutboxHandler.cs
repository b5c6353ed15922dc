namespace Newsroom.Infrastructure.Outbox;

/// <summary>An outbox message claimed by this instance: nobody else handles it until it is recorded or its lease ends.</summary>
public sealed record ClaimedMessage(Guid Id, string Type, string? Payload, int Attempts, DateTimeOffset OccurredAt);

/// <summary>What became of a message: handled for good, or to be tried again after <see cref="RetryAfter"/>.</summary>
public readonly record struct OutboxOutcome(TimeSpan? RetryAfter)
{
    public static OutboxOutcome Done => new(null);

    public static OutboxOutcome Retry(TimeSpan after) => new(after);
}

/// <summary>Handles the outbox messages of one <see cref="MessageType"/> (see <see cref="OutboxDispatcher"/>).</summary>
public interface IOutboxHandler
{
    string MessageType { get; }

    /// <summary>
    /// Handles <paramref name="message"/> once: <see cref="OutboxOutcome.Done"/> when it is done with, else when to try
    /// again. An exception counts as a failure retried after the dispatcher's own back-off.
    /// </summary>
    Task<OutboxOutcome> HandleAsync(ClaimedMessage message, CancellationToken cancellationToken);
}

using System.ComponentModel.DataAnnotations;

namespace Newsroom.Infrastructure.Outbox;

/// <summary>Settings of the outbox's dispatcher (configuration section <c>Newsroom:Outbox</c>), validated at start-up.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Newsroom:Outbox";

    /// <summary>
    /// How often the outbox is read for messages written by other instances and for retries that came due. A local
    /// commit wakes the dispatcher at once whatever this is.
    /// </summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 1;
}

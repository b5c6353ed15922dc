namespace Newsroom.Infrastructure.Idempotency;

/// <summary>The first answer to a creating POST sent with an Idempotency-Key, replayed for retries of the same request within 24 h.</summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }

    public string Key { get; set; } = string.Empty;

    public string RequestHash { get; set; } = string.Empty;

    public int StatusCode { get; set; }

    public string? Location { get; set; }

    public string ResponseBody { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

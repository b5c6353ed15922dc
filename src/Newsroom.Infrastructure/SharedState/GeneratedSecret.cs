namespace Newsroom.Infrastructure.SharedState;

/// <summary>
/// A secret the API generates for itself when configuration gives none (today: Development's token signing key),
/// kept in the database so that every instance on it uses the same one.
/// </summary>
public sealed class GeneratedSecret
{
    public string Name { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

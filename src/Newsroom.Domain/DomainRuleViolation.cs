namespace Newsroom.Domain;

/// <summary>
/// A domain rule refused an operation in the object's current state (e.g. publishing without a standfirst).
/// <see cref="Missing"/> names what is wrong, field by field, so the API can list all of it at once.
/// </summary>
public sealed class DomainRuleViolation(string message, IReadOnlyDictionary<string, string[]>? missing = null) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Missing { get; } = missing ?? new Dictionary<string, string[]>();
}

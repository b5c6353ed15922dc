namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// Names of the database constraints whose violation is a client's conflict, with the sentence the client reads.
/// Uniqueness is the database's job: a pre-check in code would race with a concurrent insert.
/// </summary>
internal static class ConstraintNames
{
    public const string SectionSlug = "ux_sections_slug";
    public const string UserEmail = "ux_users_normalized_email";
    public const string UserName = "UserNameIndex";

    private static readonly Dictionary<string, string> Conflicts = new(StringComparer.OrdinalIgnoreCase)
    {
        [SectionSlug] = "A section with this name (slug) already exists.",
        [UserEmail] = "An account with this e-mail already exists.",
        [UserName] = "An account with this e-mail already exists.",
    };

    private static readonly Dictionary<string, string> StillReferenced = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fk_articles_sections_section_id"] = "The section still has articles; move or delete them first.",
    };

    public static string DescribeUniqueViolation(string? constraint) =>
        constraint is not null && Conflicts.TryGetValue(constraint, out var message) ? message : "The change conflicts with existing data.";

    public static string DescribeForeignKeyViolation(string? constraint) =>
        constraint is not null && StillReferenced.TryGetValue(constraint, out var message) ? message : "The change conflicts with data that refers to it.";
}

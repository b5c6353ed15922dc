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
    public const string ArticleSlug = "ux_articles_slug";
    public const string ArticleSlugHistory = "pk_article_slug_history";
    public const string ArticleSection = "fk_articles_sections_section_id";
    public const string ArticleAuthor = "fk_article_authors_authors_author_id";
    public const string AuthorSlug = "ux_authors_slug";
    public const string TagSlug = "ux_tags_slug";
    public const string IdempotencyKey = "pk_idempotency_records";

    private static readonly Dictionary<string, string> Conflicts = new(StringComparer.OrdinalIgnoreCase)
    {
        [SectionSlug] = "A section with this name (slug) already exists.",
        [UserEmail] = "An account with this e-mail already exists.",
        [UserName] = "An account with this e-mail already exists.",
        [ArticleSlug] = "Another article already uses this slug.",
        [ArticleSlugHistory] = "This slug belonged to another article and still redirects to it.",
        [AuthorSlug] = "An author with this slug already exists.",
        [TagSlug] = "A tag with this name (slug) already exists; merge the two tags instead.",
        [IdempotencyKey] = "A request with this Idempotency-Key is still being processed.",
    };

    private static readonly Dictionary<string, string> StillReferenced = new(StringComparer.OrdinalIgnoreCase)
    {
        [ArticleSection] = "The section still has articles; move or delete them first.",
        [ArticleAuthor] = "The author still signs articles; remove them from those bylines first.",
    };

    public static string DescribeUniqueViolation(string? constraint) =>
        constraint is not null && Conflicts.TryGetValue(constraint, out var message) ? message : "The change conflicts with existing data.";

    public static string DescribeForeignKeyViolation(string? constraint) =>
        constraint is not null && StillReferenced.TryGetValue(constraint, out var message) ? message : "The change conflicts with data that refers to it.";
}

using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Newsroom.Infrastructure.Persistence.Sql;

/// <summary>
/// The schema EF's model does not map (the side tables kept by triggers, their functions, the search vocabulary,
/// the text search configuration), one <c>Persistence/Sql/*.sql</c> file per feature, embedded in the assembly.
/// Migrations apply a file by its name. A migration must produce the same schema forever, so a file that a
/// migration applies is never edited afterwards: a change is a new file (the next version, e.g.
/// <c>05_article_teaser_refs.v2.sql</c>, written to turn the previous version into the new one) applied by a new
/// migration.
/// </summary>
internal static class SqlScripts
{
    private const string ResourcePrefix = "Newsroom.Infrastructure.Persistence.Sql.";
    private const string Extension = ".sql";

    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;

    /// <summary>The names of the embedded files, without folder or extension, in their order of application.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. Assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(Extension, StringComparison.Ordinal))
            .Select(resource => resource[ResourcePrefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal),
    ];

    public static void Apply(MigrationBuilder migrationBuilder, string name) => migrationBuilder.Sql(Read(name));

    public static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + name + Extension)
            ?? throw new InvalidOperationException($"No SQL script \"{name}\" in Persistence/Sql; there are: {string.Join(", ", Names)}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

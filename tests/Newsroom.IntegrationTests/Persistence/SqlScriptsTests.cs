using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Persistence.Sql;

namespace Newsroom.IntegrationTests.Persistence;

/// <summary>
/// The schema EF does not map lives in Persistence/Sql/*.sql, applied by migrations: every file must reach the
/// database through a migration, and the migrations must describe the whole model.
/// </summary>
public sealed class SqlScriptsTests
{
    [Fact]
    public void Every_sql_file_is_applied_by_a_migration()
    {
        var applied = MigrationsSql();

        Assert.NotEmpty(SqlScripts.Names);
        Assert.All(SqlScripts.Names, name => Assert.Contains(SqlScripts.Read(name), applied));
    }

    [Fact]
    public void The_files_are_named_in_their_order_of_application()
    {
        var applied = MigrationsSql();
        var order = SqlScripts.Names.Select(name => applied.IndexOf(SqlScripts.Read(name))).ToList();

        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void An_unknown_file_is_refused_with_the_names_there_are()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => SqlScripts.Read("05_article_teaser_refs.v0"));

        Assert.Contains("01_french_search", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("05_article_teaser_refs", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_migrations_hold_every_change_of_the_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration holds: add one with dotnet ef migrations add.");
    }

    /// <summary>The SQL of every migration's Up, in the order the migrations run.</summary>
    private static List<string> MigrationsSql()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var migrations = db.GetService<IMigrationsAssembly>();
        return
        [
            .. migrations.Migrations.OrderBy(migration => migration.Key, StringComparer.Ordinal)
                .Select(migration => migrations.CreateMigration(migration.Value, db.Database.ProviderName!))
                .SelectMany(migration => migration.UpOperations.OfType<SqlOperation>().Select(operation => operation.Sql)),
        ];
    }
}

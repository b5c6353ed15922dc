using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Issue 20, finding 3: an Author held a core for ~25 s per save with a crafted body, inside an open transaction.
/// Costly bodies are refused before rendering, rendering happens before the transaction and within a time budget.
/// (Writes per account are limited in <see cref="AuthorFloodingWritesTests"/>.)
/// </summary>
public sealed class AuthorStallingTheServerTests(AuthorStallingTheServerTests.Factory api, AuthorStallingTheServerTests.TinyBudgetFactory tinyBudget)
    : IClassFixture<AuthorStallingTheServerTests.Factory>, IClassFixture<AuthorStallingTheServerTests.TinyBudgetFactory>
{
    /// <summary>The real API, whose renderer first looks, from another connection, at what the request's connection is doing.</summary>
    public sealed class Factory : NewsroomApiFactory
    {
        public ConcurrentQueue<string> Observations { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.RemoveAll<IArticleBodyRenderer>();
            services.AddScoped<IArticleBodyRenderer>(sp => new TransactionProbe(
                new ArticleBodyRenderer("www.exemple-mobile.fr"), sp.GetRequiredService<NewsroomDbContext>(), ConnectionString, Observations));
        }
    }

    public sealed class TinyBudgetFactory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Rendering:TimeBudgetMilliseconds"] = "1" };
    }

    [Fact]
    public async Task A_body_of_unclosed_link_destinations_is_refused_naming_the_limit_it_exceeds()
    {
        var (author, authorId) = await AuthorAsync(api);
        var body = ArticleFixtures.Body(authorId);
        body["body"] = Repeat("[a](", 49_000);

        var problem = await (await author.PostAsJsonAsync("/api/v1/admin/articles", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var message = Assert.Single(problem.FieldErrors("body"));
        Assert.Contains("'wordLength'", message, StringComparison.Ordinal);
        Assert.Contains("at most 4,000", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_to_deeply_nested_lists_is_refused_naming_the_limit_it_exceeds()
    {
        var (author, authorId) = await AuthorAsync(api);
        var article = await author.CreateArticleAsync(ArticleFixtures.Body(authorId));
        var body = ArticleFixtures.Body(authorId);
        body["body"] = Repeat("<ul><li>", 24_000);

        var problem = await (await author.PutArticleAsync(article.Id(), body, article.ETag())).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var message = Assert.Single(problem.FieldErrors("body"));
        Assert.Contains("'htmlDepth'", message, StringComparison.Ordinal);
        Assert.Contains("at most 32", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_revision_saved_before_the_limits_is_refused_rather_than_rendered()
    {
        var (author, authorId) = await AuthorAsync(api);
        var article = await author.CreateArticleAsync(ArticleFixtures.Body(authorId));
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var poison = new NpgsqlCommand(
                "UPDATE article_revisions SET snapshot = jsonb_set(snapshot, '{body}', to_jsonb($1::text)) WHERE article_id = $2 AND number = 1", connection);
            poison.Parameters.AddWithValue(Repeat("*a _b ", 33_000));
            poison.Parameters.AddWithValue(Guid.Parse(article.Id()));
            Assert.Equal(1, await poison.ExecuteNonQueryAsync());
        }

        var problem = await (await author.PostAsync($"/api/v1/admin/articles/{article.Id()}/revisions/1/restore", null))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable");

        Assert.Contains("'inlineRunsPerParagraph'", Assert.Single(problem.FieldErrors("body")), StringComparison.Ordinal);
        var revisions = await author.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{article.Id()}/revisions");
        Assert.Equal(1, revisions.GetArrayLength());
    }

    [Fact]
    public async Task No_transaction_is_open_while_a_body_renders_on_create_update_or_restore()
    {
        var (author, authorId) = await AuthorAsync(api);
        api.Observations.Clear();

        var created = await author.CreateArticleAsync(ArticleFixtures.Body(authorId));
        var edit = ArticleFixtures.Body(authorId);
        edit["body"] = "Une **autre** version.";
        var updated = await author.PutArticleAsync(created.Id(), edit, created.ETag());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var restored = await author.PostAsync($"/api/v1/admin/articles/{created.Id()}/revisions/1/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);

        Assert.Equal(3, api.Observations.Count);
        Assert.All(api.Observations, seen => Assert.Equal("no transaction", seen));
    }

    [Fact]
    public async Task A_render_over_the_time_budget_is_a_422_and_saves_nothing()
    {
        var (author, authorId) = await AuthorAsync(tinyBudget);
        var body = ArticleFixtures.Body(authorId, title: "Trop long à rendre");
        body["body"] = Repeat("Un paragraphe ordinaire, qui se répète sans rien de *spécial* pour le moteur de rendu.\n\n", 2_000);

        var problem = await (await author.PostAsJsonAsync("/api/v1/admin/articles", body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable");

        Assert.Contains("longer than 1 ms to render", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("took longer than 1 ms", Assert.Single(problem.FieldErrors("body")), StringComparison.Ordinal);
        var mine = await author.GetFromJsonAsync<JsonElement>("/api/v1/admin/articles?q=rendre");
        Assert.Equal(0, mine.GetProperty("items").GetArrayLength());
    }

    private static async Task<(HttpClient Client, Guid AuthorId)> AuthorAsync(NewsroomApiFactory factory)
    {
        var (user, token) = await factory.CreateUserWithTokenAsync(Roles.Author);
        var authorId = await factory.CreateAuthorAsync("Autrice " + Guid.NewGuid().ToString("N")[..6], user.Id);
        return (factory.CreateClientWithToken(token), authorId);
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    /// <summary>Before rendering, asks PostgreSQL whether the request's own connection is inside a transaction.</summary>
    private sealed class TransactionProbe(IArticleBodyRenderer inner, NewsroomDbContext db, string connectionString, ConcurrentQueue<string> observations)
        : IArticleBodyRenderer
    {
        public RenderedBody Render(string markdown)
        {
            observations.Enqueue(Observe());
            return inner.Render(markdown);
        }

        private string Observe()
        {
            if (db.Database.CurrentTransaction is not null)
            {
                return "EF transaction open";
            }

            if (db.Database.GetDbConnection() is not NpgsqlConnection { State: System.Data.ConnectionState.Open } requestConnection)
            {
                return "no transaction";
            }

            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT state, xact_start IS NOT NULL FROM pg_stat_activity WHERE pid = $1", connection);
            command.Parameters.AddWithValue(requestConnection.ProcessID);
            using var reader = command.ExecuteReader();
            return reader.Read() && reader.GetBoolean(1) ? $"transaction open ({reader.GetString(0)})" : "no transaction";
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain.Authors;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>Building blocks for article tests: author profiles, the seeded sections, and valid write bodies.</summary>
public static class ArticleFixtures
{
    public static readonly Guid Technologies = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    public static readonly Guid Business = Guid.Parse("0193f000-0000-7000-8000-000000000004");

    /// <summary>An author profile, optionally linked to an account (authors edit the articles they sign).</summary>
    public static async Task<Guid> CreateAuthorAsync(this NewsroomApiFactory api, string name, Guid? userId = null)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var author = new Author(Guid.CreateVersion7(), name, Newsroom.Domain.Slug.From(name) + "-" + Guid.NewGuid().ToString("N")[..6], null, null, userId, DateTimeOffset.UtcNow);
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        // Written behind the API's back: drop cached public reads as a committed command would.
        await scope.ServiceProvider.GetRequiredService<Newsroom.Application.Common.Abstractions.IContentChangeNotifier>().ContentChangedAsync(Newsroom.Application.Common.Abstractions.PublicChange.Everything, CancellationToken.None);
        return author.Id;
    }

    public static Dictionary<string, object?> Body(Guid authorId, string title = "L’IA générative : Meta recrute à prix d’or", string? slug = null) => new()
    {
        ["title"] = title,
        ["slug"] = slug,
        ["standfirst"] = "Le groupe multiplie les recrutements pour rattraper son retard dans l’intelligence artificielle.",
        ["body"] = "## Une offensive\n\nLe groupe **recrute** des chercheurs venus d’OpenAI.\n\n<script>alert('x')</script>\n\n[Le rapport](https://exemple.fr/rapport)",
        ["sectionId"] = Technologies,
        ["tags"] = new[] { "Intelligence artificielle", "Meta" },
        ["authorIds"] = new[] { authorId },
        ["sources"] = new[] { new { name = "AFP", url = (string?)null } },
        ["coverImage"] = new { url = "https://images.exemple.fr/meta.jpg", alt = "Le siège de Meta", credit = "AFP", caption = (string?)null },
    };

    public static async Task<JsonElement> CreateArticleAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/admin/articles", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> PutArticleAsync(this HttpClient client, string id, Dictionary<string, object?> body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/articles/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static string Id(this JsonElement article) => article.GetProperty("id").GetString()!;

    public static string ETag(this JsonElement article) => $"\"{article.GetProperty("version").GetString()}\"";
}

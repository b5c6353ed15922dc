using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Feeds;
using Newsroom.Api.Http;
using Newsroom.Application.Articles;
using Newsroom.Application.Authors;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Feeds;
using Newsroom.Application.Reading;
using Newsroom.Application.Search;
using Newsroom.Application.Sections;
using Newsroom.Application.Site;
using Newsroom.Application.Tags;

namespace Newsroom.UnitTests.Caching;

/// <summary>The cache keys each kind of public answer carries, computed from what it shows.</summary>
public sealed class ResponseCacheKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.Parse("0193f000-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("0193f000-0000-7000-8000-00000000000b");
    private static readonly Guid C = Guid.Parse("0193f000-0000-7000-8000-00000000000c");
    private static readonly Guid D = Guid.Parse("0193f000-0000-7000-8000-00000000000d");

    private static PublicArticleSummary Teaser(Guid id) => new(id, "un-article", "Un article", "Un chapô.",
        new PublicSectionRef("technologies", "Technologies"), [new PublicTagRef("ia", "IA")], [new PublicAuthorRef("lea-martin", "Léa Martin")],
        Now, Now, 3, null);

    private static HttpRequest Request(string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    private static string[] KeysOf(object? result, string query = "", params string[] always)
    {
        var keys = ResponseCacheKeys.KeysOf(result, Request(query), always);
        Assert.NotNull(keys);
        return keys;
    }

    [Fact]
    public void A_list_carries_list_its_filters_and_every_teaser_it_shows()
    {
        var page = TypedResults.Ok(new CursorPage<PublicArticleSummary>([Teaser(A), Teaser(B)], null));

        Assert.Equal(
            ["list", "section-technologies", "tag-ia", "author-lea-martin", CacheKeys.Article(A), CacheKeys.Article(B)],
            KeysOf(page, "?section=technologies&tag=ia&author=lea-martin&limit=2"));
    }

    [Fact]
    public void A_filter_that_is_not_a_slug_never_reaches_the_header()
    {
        var page = TypedResults.Ok(new CursorPage<PublicArticleSummary>([], null));

        Assert.Equal(["list"], KeysOf(page, "?section=Tech%0D%0AX-Injected:%201&tag=IA"));
    }

    [Fact]
    public void An_article_page_carries_itself_its_related_previous_and_next_and_its_section_tags_and_bylines()
    {
        var page = PublicArticleResponse.Of(Teaser(A), "<p>Corps</p>", [], [Teaser(B)], Teaser(C), Teaser(D));

        Assert.Equal(
            [CacheKeys.Article(A), CacheKeys.Article(B), CacheKeys.Article(C), CacheKeys.Article(D), "section-technologies", "tag-ia", "author-lea-martin"],
            KeysOf(TypedResults.Ok(page)));
    }

    [Fact]
    public void A_redirect_to_the_canonical_slug_carries_no_keys()
    {
        Results<Ok<PublicArticleResponse>, RedirectHttpResult> moved = TypedResults.Redirect("/api/v1/articles/nouveau", permanent: true);

        Assert.Null(ResponseCacheKeys.KeysOf(moved, Request(), []));
    }

    [Fact]
    public void A_search_carries_search_and_its_hits()
    {
        var found = new SearchResponse("ia", 1, false, [new SearchHit(Teaser(A), 1, new SearchHighlights("IA", "…"))], new SearchFacets([], [], false), null);

        Assert.Equal(["search", CacheKeys.Article(A)], KeysOf(TypedResults.Ok(found), "?q=ia", CacheKeys.Search));
    }

    [Fact]
    public void A_feed_carries_feed_its_filter_and_its_articles()
    {
        var item = new FeedItem($"urn:uuid:{A}", "Un article", "https://www.exemple-mobile.fr/a", [], [], Now, Now, "Un chapô.", "<p>Corps</p>");
        var feed = new FeedDocument(new Feed("Newsroom", "Newsroom", "fr", "https://www.exemple-mobile.fr", Now, [item]), Stream.Null, "application/rss+xml");

        Assert.Equal(["feed", "tag-ia", CacheKeys.Article(A)], KeysOf(feed, "?tag=ia", CacheKeys.Feed));
    }

    [Fact]
    public void The_site_and_sections_carry_site_and_each_section()
    {
        var technologies = new SectionResponse(A, "technologies", "Technologies", null, 1);
        var site = new SiteResponse("Newsroom", null, "fr-FR", "Europe/Paris", "https://www.exemple-mobile.fr", [technologies]);

        Assert.Equal(["site", "section-technologies"], KeysOf(TypedResults.Ok(site), "", CacheKeys.Site));
        Assert.Equal(["site", "section-technologies"], KeysOf(TypedResults.Ok<IReadOnlyList<SectionResponse>>([technologies]), "", CacheKeys.Site));
        Assert.Equal(["site", "section-technologies"], KeysOf(TypedResults.Ok(technologies), "", CacheKeys.Site));
    }

    [Fact]
    public void Tags_and_authors_carry_list_for_their_counts_and_their_own_keys()
    {
        Assert.Equal(["list", "tag-ia"], KeysOf(TypedResults.Ok<IReadOnlyList<PublicTagResponse>>([new PublicTagResponse("ia", "IA", 3)]), "", CacheKeys.List));
        Assert.Equal(["list", "tag-ia"], KeysOf(TypedResults.Ok(new PublicTagResponse("ia", "IA", 3)), "", CacheKeys.List));
        Assert.Equal(
            ["list", "author-lea-martin"],
            KeysOf(TypedResults.Ok<IReadOnlyList<PublicAuthorResponse>>([new PublicAuthorResponse("lea-martin", "Léa Martin", null, null, 2)]), "", CacheKeys.List));
        Assert.Equal(["list", "author-lea-martin"], KeysOf(TypedResults.Ok(new PublicAuthorResponse("lea-martin", "Léa Martin", null, null, 2)), "", CacheKeys.List));
    }

    [Fact]
    public void Archives_completions_and_sitemaps_carry_their_groups_keys()
    {
        Assert.Equal(["list"], KeysOf(TypedResults.Ok<IReadOnlyList<ArchiveMonth>>([new ArchiveMonth(2026, 12, 4)]), "", CacheKeys.List));
        Assert.Equal(["search"], KeysOf(TypedResults.Ok<IReadOnlyList<string>>(["intelligence"]), "?q=intel", CacheKeys.Search));
        Assert.Equal(["sitemap", "list"], KeysOf(TypedResults.Stream(Stream.Null, "application/xml"), "", CacheKeys.Sitemap, CacheKeys.List));
    }
}

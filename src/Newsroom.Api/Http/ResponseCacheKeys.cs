using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Feeds;
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

namespace Newsroom.Api.Http;

/// <summary>
/// The cache keys (<see cref="CacheKeys"/>) a public answer depends on, sent in <c>xkey</c> and <c>Surrogate-Key</c>
/// (one string, the same for both) and given to the output cache as its tags, so that a change evicts exactly the
/// answers that showed it, here and in edge caches. Computed once, from the response object, when the answer is made:
/// a cached answer carries its <c>xkey</c>, and <c>Surrogate-Key</c> is the same string set as the answer goes out
/// (<see cref="AlsoAsSurrogateKey"/>), so hits and 304s cost one header lookup and no copy. The keys a group's answers always carry
/// are declared with <see cref="PublicCaching.PublicRead{TBuilder}"/>; those depending on what an answer shows are
/// found here, by the type of its value.
/// </summary>
internal static class ResponseCacheKeys
{
    public const string XKeyHeader = "xkey";
    public const string SurrogateKeyHeader = "Surrogate-Key";

    /// <summary>Where the keys of the answer being made are kept for the output cache (<see cref="Of"/>).</summary>
    private static readonly object KeysItem = new();

    /// <summary>The keys of the answer this request made, or null when it made none (an error, a redirect).</summary>
    public static string[]? Of(HttpContext context) => context.Items.TryGetValue(KeysItem, out var keys) ? keys as string[] : null;

    /// <summary>Adds the filter giving the answers of <paramref name="builder"/> their keys: <paramref name="always"/>, then those of their value.</summary>
    public static TBuilder WithResponseCacheKeys<TBuilder>(this TBuilder builder, string[] always)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var result = await next(invocation);
            var keys = KeysOf(result is INestedHttpResult nested ? nested.Result : result, invocation.HttpContext.Request, always);
            if (keys is not null)
            {
                var http = invocation.HttpContext;
                http.Items[KeysItem] = keys;
                http.Response.Headers[XKeyHeader] = string.Join(' ', keys);
            }

            return result;
        });

    /// <summary>Sends an answer's keys under the CDNs' name too, the very same string (cached answers store only <c>xkey</c>).</summary>
    public static void AlsoAsSurrogateKey(IHeaderDictionary headers)
    {
        if (headers.TryGetValue(XKeyHeader, out var keys))
        {
            headers[SurrogateKeyHeader] = keys;
        }
    }

    /// <summary>The keys of a successful answer; null for anything else (a redirect is never cached, an error is never stored).</summary>
    internal static string[]? KeysOf(object? result, HttpRequest request, string[] always)
    {
        if (result is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) })
        {
            return null;
        }

        var keys = new KeyList(always);
        switch (result is IValueHttpResult valued ? valued.Value : result)
        {
            case CursorPage<PublicArticleSummary> page:
                keys.Add(CacheKeys.List);
                AddFilters(keys, request);
                AddArticles(keys, page.Items);
                break;
            case PublicArticleResponse article:
                AddPage(keys, article);
                break;
            case SearchResponse search:
                keys.Add(CacheKeys.Search);
                foreach (var hit in search.Items)
                {
                    keys.Add(CacheKeys.Article(hit.Article.Id));
                }

                break;
            case FeedDocument feed:
                keys.Add(CacheKeys.Feed);
                AddFilters(keys, request);
                foreach (var item in feed.Feed.Items)
                {
                    keys.Add(FeedItemKey(item));
                }

                break;
            case SiteResponse site:
                AddSections(keys, site.Sections);
                break;
            case IReadOnlyList<SectionResponse> sections:
                AddSections(keys, sections);
                break;
            case SectionResponse section:
                keys.Add(CacheKeys.Section(section.Slug));
                break;
            case IReadOnlyList<PublicTagResponse> tags:
                foreach (var tag in tags)
                {
                    keys.Add(CacheKeys.Tag(tag.Slug));
                }

                break;
            case PublicTagResponse tag:
                keys.Add(CacheKeys.Tag(tag.Slug));
                break;
            case IReadOnlyList<PublicAuthorResponse> authors:
                foreach (var author in authors)
                {
                    keys.Add(CacheKeys.Author(author.Slug));
                }

                break;
            case PublicAuthorResponse author:
                keys.Add(CacheKeys.Author(author.Slug));
                break;
        }

        return keys.Count == 0 ? null : keys.ToArray();
    }

    /// <summary>The page's own key, those of every teaser it shows (related, previous, next) and of its section, tags and bylines.</summary>
    private static void AddPage(KeyList keys, PublicArticleResponse article)
    {
        keys.Add(CacheKeys.Article(article.Id));
        AddArticles(keys, article.Related);
        if (article.Previous is { } previous)
        {
            keys.Add(CacheKeys.Article(previous.Id));
        }

        if (article.Next is { } next)
        {
            keys.Add(CacheKeys.Article(next.Id));
        }

        keys.Add(CacheKeys.Section(article.Section.Slug));
        foreach (var tag in article.Tags)
        {
            keys.Add(CacheKeys.Tag(tag.Slug));
        }

        foreach (var author in article.Authors)
        {
            keys.Add(CacheKeys.Author(author.Slug));
        }
    }

    private static void AddArticles(KeyList keys, IReadOnlyList<PublicArticleSummary> teasers)
    {
        foreach (var teaser in teasers)
        {
            keys.Add(CacheKeys.Article(teaser.Id));
        }
    }

    private static void AddSections(KeyList keys, IReadOnlyList<SectionResponse> sections)
    {
        foreach (var section in sections)
        {
            keys.Add(CacheKeys.Section(section.Slug));
        }
    }

    /// <summary>
    /// A list's or a feed's filters. A 200 means each one named a slug that exists exactly as written; the check keeps
    /// a parameter the endpoint ignores (and never validated) from putting anything but a slug into a header.
    /// </summary>
    private static void AddFilters(KeyList keys, HttpRequest request)
    {
        var query = request.Query;
        if (query["section"].ToString() is { } section && IsSlug(section))
        {
            keys.Add(CacheKeys.Section(section));
        }

        if (query["tag"].ToString() is { } tag && IsSlug(tag))
        {
            keys.Add(CacheKeys.Tag(tag));
        }

        if (query["author"].ToString() is { } author && IsSlug(author))
        {
            keys.Add(CacheKeys.Author(author));
        }
    }

    internal static bool IsSlug(string value) =>
        value.Length is > 0 and <= Domain.Slug.MaxLength && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A feed item's id is <c>urn:uuid:&lt;article id&gt;</c> (<see cref="FeedItem.Id"/>).</summary>
    private static string FeedItemKey(FeedItem item) =>
        CacheKeys.Article(Guid.Parse(item.Id.AsSpan(item.Id.LastIndexOf(':') + 1)));

    /// <summary>Keys in the order first added, each once.</summary>
    private sealed class KeyList
    {
        private readonly List<string> _keys = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public KeyList(string[] always)
        {
            foreach (var key in always)
            {
                Add(key);
            }
        }

        public int Count => _keys.Count;

        public void Add(string key)
        {
            if (_seen.Add(key))
            {
                _keys.Add(key);
            }
        }

        public string[] ToArray() => [.. _keys];
    }
}

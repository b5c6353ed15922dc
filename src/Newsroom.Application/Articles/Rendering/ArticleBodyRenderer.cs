using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Newsroom.Application.Articles.Rendering;

/// <summary>
/// An article body ready to publish: safe HTML, and the plain text that excerpts, feeds and search use.
/// </summary>
public sealed record RenderedBody(string Html, string Text, int WordCount, int ReadingTimeMinutes);

/// <summary>Turns an article's Markdown into what readers get; an interface so a test can observe when it runs.</summary>
public interface IArticleBodyRenderer
{
    RenderedBody Render(string markdown);
}

/// <summary>
/// Turns the Markdown editors write into HTML that is safe to serve, whatever raw HTML they pasted.
/// Stateless after construction and safe to share between requests.
/// </summary>
public sealed class ArticleBodyRenderer : IArticleBodyRenderer
{
    private const int WordsPerMinute = 230;
    private const string ExternalLinkRel = "noopener nofollow";

    // Relative links are resolved against this when no public host is configured, so they still
    // count as internal: they can only ever point at the site that serves the article.
    private const string PlaceholderHost = "newsroom.invalid";

    // Building a pipeline is costly and the built one is immutable, so every render shares it.
    // Raw HTML stays enabled because editors paste figures and embeds; the sanitizer below is what
    // makes that safe, never Markdig.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    // The article title is the page's <h1>, so a heading written with "#" becomes the top section level.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["h1"] = "h2",
        ["b"] = "strong",
        ["i"] = "em",
        ["s"] = "del",
        ["strike"] = "del",
    };

    private static readonly HashSet<string> TransparentWrappers = new(StringComparer.Ordinal)
    {
        "div", "span", "section", "article", "header", "footer", "main", "aside", "nav", "address",
        "center", "font", "u", "ins", "mark", "small", "big", "abbr", "cite", "q", "time", "dfn",
        "kbd", "samp", "var", "tt", "bdi", "bdo", "dl", "dt", "dd", "picture", "caption", "tfoot",
    };

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private readonly Uri siteRoot;

    /// <param name="publicSiteHost">
    /// The magazine's host, e.g. "www.ecranmobile.fr". Links to it (with or without "www.") are
    /// internal; every other http(s) link is marked as external.
    /// </param>
    public ArticleBodyRenderer(string? publicSiteHost = null)
    {
        siteRoot = new Uri($"https://{NormalizeHost(publicSiteHost) ?? PlaceholderHost}/");
    }

    public RenderedBody Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);

        var unsafeHtml = ToUnsafeHtml(markdown);

        using var document = Sanitizer.SanitizeDom(unsafeHtml);
        var body = document.Body;
        if (body is null)
        {
            return new RenderedBody(string.Empty, string.Empty, 0, 1);
        }

        RemoveLeftovers(body);
        MarkExternalLinks(body);

        // Whitespace left where removed blocks stood means nothing in HTML but makes an empty body look filled.
        var html = ArticleBodyHtml.Serialize(body.ChildNodes, Sanitizer.OutputFormatter).Trim();
        var text = ArticleBodyText.Extract(body);
        var words = ArticleBodyText.CountWords(text);
        var minutes = Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute);

        return new RenderedBody(html, text, words, minutes);
    }

    private static string ToUnsafeHtml(string markdown)
    {
        try
        {
            return Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurdly deep nesting ("> > > ..." thousands deep) with an ArgumentException.
            // Showing the words as plain paragraphs beats failing a publish with a server error.
            var paragraphs = markdown.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries);
            return string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        }
    }

    private void MarkExternalLinks(IElement body)
    {
        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            // Resolving against the site root makes relative links internal and catches
            // protocol-relative ones ("//elsewhere.example/"), which the sanitizer keeps as relative.
            if (Uri.TryCreate(siteRoot, link.GetAttribute("href"), out var target)
                && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
                && !IsOwnSite(target))
            {
                // nofollow: links in articles are not endorsements the magazine vouches for to search engines.
                link.SetAttribute("rel", ExternalLinkRel);
            }
        }
    }

    private bool IsOwnSite(Uri target)
    {
        var host = WithoutWww(target.IdnHost);
        return string.Equals(host, WithoutWww(siteRoot.IdnHost), StringComparison.OrdinalIgnoreCase);
    }

    private static string WithoutWww(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static string? NormalizeHost(string? publicSiteHost)
    {
        if (string.IsNullOrWhiteSpace(publicSiteHost))
        {
            return null;
        }

        // Accept a bare host as configured in most places, but also a full origin pasted from a browser.
        var candidate = publicSiteHost.Contains("://", StringComparison.Ordinal)
            ? publicSiteHost.Trim()
            : $"https://{publicSiteHost.Trim()}";

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.IdnHost.Length == 0)
        {
            throw new ArgumentException($"'{publicSiteHost}' is not a host name.", nameof(publicSiteHost));
        }

        return uri.IdnHost;
    }

    // What the sanitizer leaves behind once it has emptied something: an <img> whose data: source
    // was stripped renders as a broken image, and a paragraph that only held a <script> as a gap.
    private static void RemoveLeftovers(IElement body)
    {
        foreach (var image in body.QuerySelectorAll("img:not([src])").ToList())
        {
            image.Remove();
        }

        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            if (paragraph.ChildElementCount == 0 && string.IsNullOrWhiteSpace(paragraph.TextContent))
            {
                paragraph.Remove();
            }
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(
        [
            "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong",
            "a", "img", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "figure", "figcaption",
            "sup", "sub", "del",
        ]);
        options.AllowedAttributes.UnionWith(
            ["href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "start"]);
        options.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        options.UriAttributes.UnionWith(["href", "src"]);

        var sanitizer = new HtmlSanitizer(options);
        sanitizer.RemovingTag += (_, e) => e.Cancel = KeepContentOf(e.Tag);
        return sanitizer;
    }

    // The sanitizer drops a disallowed element with everything inside it, which is right for
    // <script> or <iframe> but would silently delete an editor's words wrapped in a pasted <span>
    // or <div>. Those wrappers give way to their content instead, and a few near-synonyms are
    // turned into the allowed tag so the emphasis or heading survives. Returns true when handled.
    private static bool KeepContentOf(IElement element)
    {
        var name = element.LocalName;
        if (element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            return false;
        }

        if (Synonyms.TryGetValue(name, out var replacementName) && element.Owner is { } owner)
        {
            var replacement = owner.CreateElement(replacementName);
            replacement.Append([.. element.ChildNodes]);
            element.Replace(replacement);
            return true;
        }

        if (TransparentWrappers.Contains(name))
        {
            element.Replace([.. element.ChildNodes]);
            return true;
        }

        return false;
    }
}

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 8 of the security audit: the highlighter marked matches with U+E000 and U+E001 before escaping the
/// text, then turned every such character into &lt;mark&gt;, so a title holding them produced stray elements. The
/// markers are now random for each search, so no stored text (written before validation refused these characters, or
/// behind the API's back) can make a &lt;mark&gt; that is not around a match.
/// </summary>
public sealed class HighlightMarkerInjectionTests(HighlightMarkerInjectionTests.Factory api) : IClassFixture<HighlightMarkerInjectionTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "1000" };
    }

    /// <summary>The old markers, marker-like text, and HTML that must come out escaped.</summary>
    private const string Trap = "\uE000piège\uE001 \uE001 \uE000 <mark>faux</mark> hlstart hlend &lt;mark&gt;";

    [Fact]
    public async Task Stored_text_holding_the_old_markers_or_marker_like_text_never_makes_a_mark_element()
    {
        var author = await api.CreateAuthorAsync("Hélène Roux");
        // Written straight to the database, bypassing the validation that now refuses these characters.
        await api.InsertPublishedAsync("Ornithorynque " + Trap, DateTimeOffset.UtcNow.AddHours(-1), author,
            standfirst: "L’ornithorynque " + Trap + " en chapô.");

        var result = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?q=ornithorynque");

        var highlights = Assert.Single(result.GetProperty("items").EnumerateArray()).GetProperty("highlights");
        var title = highlights.GetProperty("title").GetString()!;
        var excerpt = highlights.GetProperty("excerpt").GetString()!;
        Assert.Equal("<mark>Ornithorynque</mark> \uE000piège\uE001 \uE001 \uE000 &lt;mark&gt;faux&lt;/mark&gt; hlstart hlend &amp;lt;mark&amp;gt;", title);
        Assert.Equal(1, Count(title, "<mark>"));
        Assert.Equal(1, Count(excerpt, "<mark>"));
        Assert.Equal(1, Count(excerpt, "</mark>"));
        Assert.Contains("<mark>ornithorynque</mark>", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_for_the_marker_like_words_themselves_marks_only_them()
    {
        var author = await api.CreateAuthorAsync("Paul Lenoir");
        await api.InsertPublishedAsync("Hlstart et hlend " + Trap, DateTimeOffset.UtcNow.AddHours(-1), author);

        var result = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?q=hlstart");

        var title = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("highlights").GetProperty("title").GetString()!)
            .Single(t => t.StartsWith("<mark>Hlstart", StringComparison.Ordinal));
        Assert.Equal(2, Count(title, "<mark>"));
        Assert.StartsWith("<mark>Hlstart</mark> et hlend", title, StringComparison.Ordinal);
        Assert.Contains("<mark>hlstart</mark> hlend", title, StringComparison.Ordinal);
    }

    private static int Count(string text, string element) => text.Split(element).Length - 1;
}

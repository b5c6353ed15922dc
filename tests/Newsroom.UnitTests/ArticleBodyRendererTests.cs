using Newsroom.Application.Articles.Rendering;

namespace Newsroom.UnitTests;

public sealed class ArticleBodyRendererTests
{
    private const string ExternalRel = "rel=\"noopener nofollow\"";

    private readonly ArticleBodyRenderer renderer = new("www.ecranmobile.fr");

    [Fact]
    public void Headings_become_section_headings_under_the_article_title()
    {
        var body = renderer.Render("# Le test\n\n## Écran\n\n### Autonomie");

        Assert.Contains("<h2>Le test</h2>", body.Html);
        Assert.Contains("<h2>Écran</h2>", body.Html);
        Assert.Contains("<h3>Autonomie</h3>", body.Html);
        Assert.DoesNotContain("<h1", body.Html);
    }

    [Fact]
    public void Emphasis_lists_quotes_and_code_are_rendered()
    {
        var body = renderer.Render("Du *neuf* et du **vrai**.\n\n- un\n- deux\n\n> Citation\n\n```\nvar x = 1;\n```");

        Assert.Contains("<em>neuf</em>", body.Html);
        Assert.Contains("<strong>vrai</strong>", body.Html);
        Assert.Contains("<li>deux</li>", body.Html);
        Assert.Contains("<blockquote>", body.Html);
        Assert.Contains("<pre><code>var x = 1;", body.Html);
    }

    [Fact]
    public void Pipe_tables_are_rendered_without_their_inline_alignment_styles()
    {
        var body = renderer.Render("| Modèle | Prix |\n|:--|--:|\n| Pixel 9 | 899 € |");

        Assert.Contains("<table>", body.Html);
        Assert.Contains("<th>Modèle</th>", body.Html);
        Assert.Contains("<td>899 €</td>", body.Html);
        Assert.DoesNotContain("style", body.Html);
        Assert.Equal("Modèle Prix\nPixel 9 899 €", body.Text);
    }

    [Fact]
    public void Bare_urls_become_links()
    {
        var body = renderer.Render("Source : https://example.com/etude et www.example.org");

        Assert.Contains($"<a href=\"https://example.com/etude\" {ExternalRel}>https://example.com/etude</a>", body.Html);
        Assert.Contains("href=\"http://www.example.org\"", body.Html);
    }

    [Fact]
    public void Script_elements_are_removed_with_their_content()
    {
        var body = renderer.Render("Avant\n\n<script>alert(1)</script>\n\nAprès <script>alert(2)</script>");

        Assert.DoesNotContain("<script", body.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", body.Html);
        Assert.Equal("Avant\n\nAprès", body.Text);
    }

    [Fact]
    public void Event_handler_attributes_are_removed()
    {
        var body = renderer.Render("<img src=x onerror=alert(1)>\n\n<p onclick=\"steal()\" onmouseover=\"x()\">Texte</p>");

        Assert.Contains("<img src=\"x\">", body.Html);
        Assert.DoesNotContain("onerror", body.Html);
        Assert.DoesNotContain("onclick", body.Html);
        Assert.DoesNotContain("onmouseover", body.Html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"  javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#115;cript:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>")]
    public void Links_with_a_script_or_data_scheme_lose_their_target(string markdown)
    {
        var body = renderer.Render(markdown);

        Assert.Contains("<a>x</a>", body.Html);
        Assert.DoesNotContain("href", body.Html);
    }

    [Fact]
    public void Images_with_a_data_url_are_removed()
    {
        var body = renderer.Render("Photo ![logo](data:image/png;base64,iVBORw0KGgo=) <img src=\"data:image/svg+xml,<svg/onload=alert(1)>\">");

        Assert.DoesNotContain("data:", body.Html);
        Assert.DoesNotContain("<img", body.Html);
        Assert.Equal("Photo", body.Text);
    }

    [Fact]
    public void Embedding_elements_are_removed()
    {
        var body = renderer.Render(
            "<iframe src=\"https://evil.example\">cadre</iframe>\n\n<object data=\"x.swf\">obj</object><embed src=\"x.swf\">" +
            "<form action=\"https://evil.example\"><input name=\"q\">formulaire</form><style>p { color: red }</style>Reste");

        Assert.Equal("Reste", body.Html);
        Assert.Equal("Reste", body.Text);
    }

    [Fact]
    public void Style_attributes_are_removed()
    {
        var body = renderer.Render("<p style=\"position:fixed;top:0\">Texte <strong style=\"color:red\">fort</strong></p>");

        Assert.Equal("<p>Texte <strong>fort</strong></p>", body.Html);
    }

    [Fact]
    public void Wrappers_pasted_from_elsewhere_keep_their_words()
    {
        var body = renderer.Render("<p><span class=\"x\">Un</span> <b>deux</b> <i>trois</i> <font color=red>quatre</font></p>");

        Assert.Equal("<p>Un <strong>deux</strong> <em>trois</em> quatre</p>", body.Html);
    }

    [Theory]
    [InlineData("https://example.com/a")]
    [InlineData("http://example.com/a")]
    [InlineData("//example.com/a")]
    [InlineData("https://www.ecranmobile.fr.evil.example/a")]
    public void External_links_are_marked_noopener_nofollow(string href)
    {
        var body = renderer.Render($"[ailleurs]({href})");

        Assert.Contains(ExternalRel, body.Html);
    }

    [Theory]
    [InlineData("https://www.ecranmobile.fr/articles/pixel-9")]
    [InlineData("https://WWW.ECRANMOBILE.FR/articles/pixel-9")]
    [InlineData("https://ecranmobile.fr/articles/pixel-9")]
    [InlineData("/articles/pixel-9")]
    [InlineData("pixel-9")]
    [InlineData("#commentaires")]
    [InlineData("mailto:redaction@ecranmobile.fr")]
    public void Links_to_the_magazine_or_to_mail_are_left_alone(string href)
    {
        var body = renderer.Render($"[chez nous]({href})");

        Assert.Contains("<a href=", body.Html);
        Assert.DoesNotContain("rel=", body.Html);
    }

    [Fact]
    public void Rel_and_target_written_by_an_author_are_not_kept()
    {
        var body = renderer.Render("<a href=\"https://example.com\" rel=\"opener\" target=\"_blank\">x</a>");

        Assert.Equal($"<p><a href=\"https://example.com\" {ExternalRel}>x</a></p>", body.Html);
    }

    [Fact]
    public void Without_a_site_host_every_absolute_link_is_external_and_relative_links_are_not()
    {
        var body = new ArticleBodyRenderer().Render("[a](https://www.ecranmobile.fr/x) [b](/articles/y)");

        Assert.Contains($"<a href=\"https://www.ecranmobile.fr/x\" {ExternalRel}>a</a>", body.Html);
        Assert.Contains("<a href=\"/articles/y\">b</a>", body.Html);
    }

    [Fact]
    public void French_typography_survives_in_html_and_text()
    {
        var body = renderer.Render("L’œuvre « culte » d’Æsop : ça coûte 10\u00A0€ !");

        Assert.Equal("<p>L’œuvre « culte » d’Æsop : ça coûte 10&nbsp;€ !</p>", body.Html);
        Assert.Equal("L’œuvre « culte » d’Æsop : ça coûte 10\u00A0€ !", body.Text);
    }

    [Fact]
    public void Text_has_no_tags_and_decoded_entities()
    {
        var body = renderer.Render("Tom &amp; Jerry &lt;3 &eacute;t&eacute; **fort** [lien](https://example.com) `a < b`");

        Assert.Equal("Tom & Jerry <3 été fort lien a < b", body.Text);
    }

    [Fact]
    public void Text_keeps_blocks_on_their_own_lines_and_paragraphs_apart()
    {
        var body = renderer.Render("## Titre\n\nPremier   paragraphe\nsur deux lignes.\n\n- un\n- deux\n\nFin  \navec saut.");

        Assert.Equal("Titre\n\nPremier paragraphe sur deux lignes.\n\nun\ndeux\n\nFin\navec saut.", body.Text);
    }

    [Fact]
    public void An_empty_body_renders_to_nothing_and_still_takes_a_minute()
    {
        var body = renderer.Render("");

        Assert.Equal(new RenderedBody("", "", 0, 1), body);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(12, 1)]
    [InlineData(230, 1)]
    [InlineData(231, 2)]
    [InlineData(460, 2)]
    [InlineData(2300, 10)]
    public void Reading_time_is_rounded_up_at_230_words_a_minute(int words, int minutes)
    {
        var markdown = string.Join(' ', Enumerable.Repeat("mot", words));

        var body = renderer.Render(markdown);

        Assert.Equal(words, body.WordCount);
        Assert.Equal(minutes, body.ReadingTimeMinutes);
    }

    [Fact]
    public void Elisions_count_as_one_word_and_lone_punctuation_not_at_all()
    {
        var body = renderer.Render("L’IA d’Apple « arrive » – enfin !");

        Assert.Equal(4, body.WordCount);
    }

    [Fact]
    public void Nesting_too_deep_for_markdown_is_shown_as_plain_text_rather_than_failing()
    {
        var markdown = new string('>', 5000) + " profond <script>alert(1)</script>";

        var body = renderer.Render(markdown);

        Assert.StartsWith("<p>&gt;&gt;&gt;", body.Html);
        Assert.DoesNotContain("<script", body.Html);
        Assert.EndsWith("profond &lt;script&gt;alert(1)&lt;/script&gt;</p>", body.Html);
    }

    [Fact]
    public void One_renderer_can_be_shared_between_threads()
    {
        const string Markdown = "## Titre\n\nTexte [lien](https://example.com) <script>x</script> | a |\n|---|\n| b |";
        var expected = renderer.Render(Markdown);

        var results = new RenderedBody[64];
        Parallel.For(0, results.Length, i => results[i] = renderer.Render(Markdown));

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}

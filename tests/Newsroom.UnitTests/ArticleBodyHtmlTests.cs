using AngleSharp;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Newsroom.Application.Articles.Rendering;

namespace Newsroom.UnitTests;

/// <summary>The linear serialiser writes exactly what AngleSharp's own (quadratic on wide nodes) writes.</summary>
public sealed class ArticleBodyHtmlTests
{
    [Theory]
    [InlineData("<p>Du <em>neuf</em> et du <strong>vrai</strong> &amp; des &lt;chevrons&gt;.</p>")]
    [InlineData("<ul><li>un</li><li>deux<ul><li>trois</li></ul></li></ul><hr><p>a<br>b</p>")]
    [InlineData("<pre><code>var x = 1;\nif (a &lt; b) {}\n</code></pre>")]
    [InlineData("<pre>\n\nlignes</pre><p>après</p>")]
    [InlineData("<figure><img src=\"https://exemple.fr/a.jpg?x=1&amp;y=2\" alt=\"« Photo »\"><figcaption>Légende</figcaption></figure>")]
    [InlineData("<table><thead><tr><th>Modèle</th></tr></thead><tbody><tr><td>899&nbsp;€</td></tr></tbody></table>")]
    [InlineData("<p><a href=\"https://exemple.fr/\" title=\"a &quot;b&quot;\" rel=\"noopener nofollow\">lien</a></p>")]
    public void Writes_the_same_markup_as_AngleSharp(string html)
    {
        var formatter = new HtmlSanitizer().OutputFormatter;
        using var document = new HtmlParser().ParseDocument("<html><body>" + html);
        var body = document.Body!;

        Assert.Equal(body.ChildNodes.ToHtml(formatter), ArticleBodyHtml.Serialize(body.ChildNodes, formatter));
    }
}

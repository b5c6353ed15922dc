using System.Globalization;

namespace Newsroom.Application.Articles.Rendering;

/// <summary>One bound on what a body may ask of the renderer, with the words an editor reads when it is exceeded.</summary>
/// <param name="Name">Stable name of the limit, e.g. "nestingDepth".</param>
/// <param name="Maximum">The limit's value.</param>
/// <param name="What">What is counted, in the editor's words ("levels of nested lists and quotes").</param>
public sealed record ArticleBodyLimit(string Name, int Maximum, string What)
{
    // Invariant: the API speaks one language whatever the server's culture ("4,000", never "4 000").
    public string Describe(int found) => string.Create(CultureInfo.InvariantCulture,
        $"has too many {What}: at most {Maximum:N0} are allowed, found {found:N0} or more (limit '{Name}').");
}

/// <summary>A limit the body exceeds, and how far the scan counted before stopping.</summary>
public sealed record ArticleBodyExcess(ArticleBodyLimit Limit, int Found)
{
    public string Message => Limit.Describe(Found);
}

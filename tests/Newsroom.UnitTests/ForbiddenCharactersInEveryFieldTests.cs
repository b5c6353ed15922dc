using FluentValidation;
using Newsroom.Application.Articles;
using Newsroom.Application.Authors;
using Newsroom.Application.Feeds;
using Newsroom.Application.Reading;
using Newsroom.Application.Search;
using Newsroom.Application.Sections;
using Newsroom.Application.Tags;
using Newsroom.Application.Users;

namespace Newsroom.UnitTests;

/// <summary>
/// Every text field of every command and query refuses the characters software uses as its own markers (the search
/// highlighter's were U+E000 and U+E001), with a message on that field naming the character and where it is.
/// </summary>
public sealed class ForbiddenCharactersInEveryFieldTests
{
    /// <summary>A private-use character, third character of the value.</summary>
    private const string Marked = "ab\uE000c";

    private const string Expected = "must not contain a private-use character (U+E000) at character 3.";

    private static ArticleInput Article(string? title = "Titre", string? standfirst = "Chapô", string? body = "Corps", string? tag = "Tag",
        string? sourceName = "AFP", string? sourceUrl = "https://afp.com/", string? coverUrl = "https://cdn.exemple.fr/c.jpg", string? alt = "Alt",
        string? credit = "Crédit", string? caption = "Légende") =>
        new(title, null, standfirst, body, Guid.NewGuid(), [tag], [Guid.NewGuid()], [new SourceInput(sourceName, sourceUrl)],
            new CoverImageInput(coverUrl, alt, credit, caption));

    public static TheoryData<string, Func<IReadOnlyList<FluentValidation.Results.ValidationFailure>>> Fields() => new()
    {
        { "title", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(title: Marked))) },
        { "standfirst", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(standfirst: Marked))) },
        { "body", () => Validate(new UpdateArticleValidator(), new UpdateArticle(Guid.NewGuid(), 1, Article(body: Marked))) },
        { "tags[0]", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(tag: Marked))) },
        { "sources[0].name", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(sourceName: Marked))) },
        { "sources[0].url", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(sourceUrl: Marked))) },
        { "coverImage.url", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(coverUrl: Marked))) },
        { "coverImage.alt", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(alt: Marked))) },
        { "coverImage.credit", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(credit: Marked))) },
        { "coverImage.caption", () => Validate(new CreateArticleValidator(), new CreateArticle(Article(caption: Marked))) },
        { "name (section)", () => Validate(new CreateSectionValidator(), new CreateSection(Marked, null, null)) },
        { "description (section)", () => Validate(new UpdateSectionValidator(), new UpdateSection(Guid.NewGuid(), "Rubrique", Marked, 1)) },
        { "name (tag)", () => Validate(new RenameTagValidator(), new RenameTag(Guid.NewGuid(), Marked)) },
        { "name (author)", () => Validate(new CreateAuthorValidator(), new CreateAuthor(Marked, null, null, null, null)) },
        { "bio (author)", () => Validate(new UpdateAuthorValidator(), new UpdateAuthor(Guid.NewGuid(), "Claire", null, Marked, null, null)) },
        { "avatarUrl (author)", () => Validate(new CreateAuthorValidator(), new CreateAuthor("Claire", null, null, Marked, null)) },
        { "displayName (user)", () => Validate(new CreateUserValidator(), new CreateUser("claire@exemple.fr", Marked, "Author", "un-mot-de-passe-assez-long")) },
        { "email (user)", () => Validate(new CreateUserValidator(), new CreateUser(Marked + "@exemple.fr", "Claire", "Author", "un-mot-de-passe-assez-long")) },
        { "q (search)", () => Validate(new SearchArticlesValidator(), new SearchArticles(Marked, null, null, null, null, null, null, null)) },
        { "tag (search)", () => Validate(new SearchArticlesValidator(), new SearchArticles("mot", null, Marked, null, null, null, null, null)) },
        { "q (suggest)", () => Validate(new SuggestSearchesValidator(), new SuggestSearches(Marked)) },
        { "q (admin list)", () => Validate(new ListArticlesValidator(), new ListArticles(null, null, null, null, Marked, null, null)) },
        { "author (admin list)", () => Validate(new ListArticlesValidator(), new ListArticles(null, null, null, Marked, null, null, null)) },
        { "section (public list)", () => Validate(new ListPublicArticlesValidator(), new ListPublicArticles(Marked, null, null, null, null, null, null)) },
        { "tag (feed)", () => Validate(new GetFeedValidator(), new GetFeed(null, Marked)) },
    };

    private static List<FluentValidation.Results.ValidationFailure> Validate<T>(AbstractValidator<T> validator, T message) => validator.Validate(message).Errors;

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_private_use_character_is_refused_on_its_field_by_name_and_position(string field, Func<IReadOnlyList<FluentValidation.Results.ValidationFailure>> validate)
    {
        var failure = Assert.Single(validate());
        Assert.Equal(Expected, failure.ErrorMessage);
        Assert.Equal(field.Split(' ')[0], Camel(failure.PropertyName));
    }

    [Fact]
    public void Valid_articles_still_pass()
    {
        Assert.Empty(Validate(new CreateArticleValidator(), new CreateArticle(Article())));
    }

    /// <summary>The API writes paths in camelCase ("Sources[0].Name" → "sources[0].name").</summary>
    private static string Camel(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

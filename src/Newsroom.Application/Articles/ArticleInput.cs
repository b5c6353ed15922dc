using FluentValidation;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Common.Validation;
using Newsroom.Domain;
using Newsroom.Domain.Articles;

namespace Newsroom.Application.Articles;

/// <summary>A credit line as written.</summary>
/// <param name="Name">"AFP", "Reuters"… 1–100 characters.</param>
/// <param name="Url">Optional https link.</param>
public sealed record SourceInput(string? Name, string? Url);

/// <summary>The cover picture as written.</summary>
/// <param name="Url">https URL of the picture.</param>
/// <param name="Alt">Alternative text, required.</param>
/// <param name="Credit">Photographer or agency.</param>
/// <param name="Caption">Caption under the picture.</param>
public sealed record CoverImageInput(string? Url, string? Alt, string? Credit, string? Caption);

/// <summary>
/// Exactly the editable fields of an article, for create and full update. Status, ids, dates and the creator are
/// not here, so no request can set them (no mass assignment).
/// </summary>
/// <param name="Title">1–200 characters, trimmed.</param>
/// <param name="Slug">Optional; made from the title when absent. A taken slug is a 409.</param>
/// <param name="Standfirst">The chapô, up to 600 characters; required to publish.</param>
/// <param name="Body">Markdown, 1–200,000 characters.</param>
/// <param name="SectionId">The section's id.</param>
/// <param name="Tags">Up to 20 tag names; new names create tags.</param>
/// <param name="AuthorIds">1–5 author profile ids, in byline order (at least one is required to publish).</param>
/// <param name="Sources">Up to 10 credits.</param>
/// <param name="CoverImage">Optional cover picture.</param>
public sealed record ArticleInput(
    string? Title,
    string? Slug,
    string? Standfirst,
    string? Body,
    Guid? SectionId,
    IReadOnlyList<string?>? Tags,
    IReadOnlyList<Guid>? AuthorIds,
    IReadOnlyList<SourceInput?>? Sources,
    CoverImageInput? CoverImage)
{
    public IReadOnlyList<string> TagNames => (Tags ?? []).Where(t => t is not null).Select(t => Domain.Tags.Tag.NormalizeName(t!)).ToList();

    public IReadOnlyList<Guid> DistinctAuthorIds => (AuthorIds ?? []).Distinct().ToList();

    public IReadOnlyList<ArticleSource> SourceValues => (Sources ?? [])
        .Where(s => s is not null)
        .Select(s => new ArticleSource(s!.Name!.Trim(), string.IsNullOrWhiteSpace(s.Url) ? null : s.Url.Trim()))
        .ToList();

    public CoverImage? CoverImageValue => CoverImage is null
        ? null
        : new CoverImage(CoverImage.Url!.Trim(), CoverImage.Alt!.Trim(), Blank(CoverImage.Credit), Blank(CoverImage.Caption));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Every limit of the article, each failure reported on its own field path.</summary>
public sealed class ArticleInputValidator : AbstractValidator<ArticleInput>
{
    public ArticleInputValidator()
    {
        RuleFor(a => a.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("must not be empty.")
            .Must(t => t!.Trim().Length <= Article.TitleMaxLength).WithMessage($"must be at most {Article.TitleMaxLength} characters.")
            .AllowedCharacters();
        RuleFor(a => a.Slug).Cascade(CascadeMode.Stop)
            .Must(s => Domain.Slug.IsValid(s, 200)).WithMessage("must be lowercase letters, digits and single hyphens (at most 200 characters).")
            .When(a => a.Slug is not null);
        RuleFor(a => a.Standfirst)
            .MaximumLength(Article.StandfirstMaxLength).WithMessage($"must be at most {Article.StandfirstMaxLength} characters.")
            .AllowedCharacters();
        RuleFor(a => a.Body).Cascade(CascadeMode.Stop)
            .Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("must not be empty.")
            .MaximumLength(Article.BodyMaxLength).WithMessage($"must be at most {Article.BodyMaxLength} characters.")
            .AllowedCharacters()
            .CheapToRender();
        RuleFor(a => a.SectionId).NotNull().WithMessage("is required.").NotEqual(Guid.Empty).WithMessage("is required.");
        RuleFor(a => a.Tags).Must(t => t is null || t.Count <= Article.MaxTags).WithMessage($"must have at most {Article.MaxTags} tags.");
        RuleForEach(a => a.Tags).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("must not be empty.")
            .Must(t => Domain.Tags.Tag.NormalizeName(t!).Length <= Domain.Tags.Tag.NameMaxLength).WithMessage($"must be at most {Domain.Tags.Tag.NameMaxLength} characters.")
            .Must(t => Slug.From(t!).Length > 0).WithMessage("must contain a letter or digit.")
            .AllowedCharacters();
        RuleFor(a => a.AuthorIds).Cascade(CascadeMode.Stop)
            .Must(ids => ids is { Count: > 0 }).WithMessage("must name at least one author.")
            .Must(ids => ids!.Count <= Article.MaxAuthors).WithMessage($"must name at most {Article.MaxAuthors} authors.")
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("must not name an author twice.");
        RuleFor(a => a.Sources).Must(s => s is null || s.Count <= Article.MaxSources).WithMessage($"must have at most {Article.MaxSources} sources.");
        RuleForEach(a => a.Sources).ChildRules(source =>
        {
            source.RuleFor(s => s!.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("must not be empty.")
                .Must(n => n!.Trim().Length <= 100).WithMessage("must be at most 100 characters.")
                .AllowedCharacters();
            source.RuleFor(s => s!.Url).HttpsUrl();
        }).Must(s => s is not null).WithMessage("must not be null.");
        RuleFor(a => a.CoverImage!).ChildRules(cover =>
        {
            cover.RuleFor(c => c.Url).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("is required.").HttpsUrl();
            cover.RuleFor(c => c.Alt).Cascade(CascadeMode.Stop)
                .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("is required when there is a cover image.")
                .MaximumLength(300).WithMessage("must be at most 300 characters.")
                .AllowedCharacters();
            cover.RuleFor(c => c.Credit).MaximumLength(200).WithMessage("must be at most 200 characters.").AllowedCharacters();
            cover.RuleFor(c => c.Caption).MaximumLength(500).WithMessage("must be at most 500 characters.").AllowedCharacters();
        }).When(a => a.CoverImage is not null);
    }
}

internal static class ArticleBodyRules
{
    /// <summary>Refuses, before any rendering, a body whose shape would make rendering slow; says which limit and its value.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> CheapToRender<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((body, context) =>
        {
            if (body is not null && ArticleBodyCost.FindExcess(body) is { } excess)
            {
                context.AddFailure(excess.Message);
            }
        });
}

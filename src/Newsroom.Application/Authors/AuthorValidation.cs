using FluentValidation;
using Newsroom.Application.Common.Validation;
using Newsroom.Domain;
using Newsroom.Domain.Authors;

namespace Newsroom.Application.Authors;

/// <summary>The rules shared by creating and updating an author.</summary>
internal static class AuthorValidation
{
    public static IRuleBuilderOptions<T, string> AuthorName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("must not be empty.")
            .Must(name => name.Trim().Length <= Author.NameMaxLength).WithMessage($"must be at most {Author.NameMaxLength} characters.")
            .AllowedCharacters()
            .Must(name => Slug.From(name).Length > 0).WithMessage("must contain at least one letter or digit.");

    /// <summary>Null means "not given"; anything else must already be a slug, since it becomes a public URL as sent.</summary>
    public static IRuleBuilderOptions<T, string?> AuthorSlug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(slug => slug is null || Slug.IsValid(slug, Slug.MaxLength))
            .WithMessage($"must be lowercase letters and digits joined by single hyphens, at most {Slug.MaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> AuthorBio<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Author.BioMaxLength).WithMessage($"must be at most {Author.BioMaxLength} characters.")
            .AllowedCharacters();
}

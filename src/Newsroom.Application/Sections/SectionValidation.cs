using FluentValidation;
using Newsroom.Application.Common.Validation;
using Newsroom.Domain;
using Newsroom.Domain.Sections;

namespace Newsroom.Application.Sections;

/// <summary>The rules shared by creating and renaming a section.</summary>
internal static class SectionValidation
{
    public static IRuleBuilderOptions<T, string> SectionName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("must not be empty.")
            .Must(name => name.Trim().Length <= Section.NameMaxLength).WithMessage($"must be at most {Section.NameMaxLength} characters.")
            .AllowedCharacters()
            .Must(name => Slug.From(name).Length > 0).WithMessage("must contain at least one letter or digit.");

    public static IRuleBuilderOptions<T, string?> SectionDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Section.DescriptionMaxLength).WithMessage($"must be at most {Section.DescriptionMaxLength} characters.")
            .AllowedCharacters();

    public static IRuleBuilderOptions<T, int> SectionPosition<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(0, 10_000).WithMessage("must be between 0 and 10000.");
}

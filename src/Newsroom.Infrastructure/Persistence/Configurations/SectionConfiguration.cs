using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsroom.Domain.Sections;

namespace Newsroom.Infrastructure.Persistence.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("sections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(Section.NameMaxLength).IsRequired();
        builder.Property(s => s.Slug).HasMaxLength(120).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(Section.DescriptionMaxLength);
        builder.HasIndex(s => s.Slug).IsUnique().HasDatabaseName(ConstraintNames.SectionSlug);
        builder.HasIndex(s => s.Position);

        // The magazine's rubriques exist from the first migration on; editors rename or extend them afterwards.
        var seededAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] names = ["Technologies", "Entretiens", "Usages", "Business", "Revue de web", "Focus"];
        builder.HasData(names.Select((name, position) => new
        {
            Id = Guid.Parse($"0193f000-0000-7000-8000-00000000000{position + 1}"),
            Name = name,
            Slug = Domain.Slug.From(name),
            Description = (string?)null,
            Position = position,
            CreatedAt = seededAt,
            UpdatedAt = seededAt,
        }));
    }
}

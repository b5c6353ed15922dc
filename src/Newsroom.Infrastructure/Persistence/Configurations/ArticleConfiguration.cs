using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Domain.Sections;
using Newsroom.Domain.Tags;

namespace Newsroom.Infrastructure.Persistence.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.Events);
        builder.Ignore(a => a.Content);
        builder.Ignore(a => a.WasEverPublished);
        builder.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Standfirst).HasMaxLength(Article.StandfirstMaxLength).IsRequired();
        builder.Property(a => a.Body).IsRequired();
        builder.Property(a => a.BodyHtml).IsRequired();
        builder.Property(a => a.BodyText).IsRequired();
        builder.Property(a => a.SearchTags).HasMaxLength(2000).HasDefaultValue(string.Empty);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => a.Slug).IsUnique().HasDatabaseName(ConstraintNames.ArticleSlug);
        builder.HasIndex(a => new { a.Status, a.UpdatedAt });
        // Readers' lists: newest first among what is public, keyset on (published_at, id).
        builder.HasIndex(a => new { a.PublishedAt, a.Id }).HasDatabaseName("ix_articles_public_order").HasFilter("status IN ('Published', 'Scheduled')");
        builder.HasIndex(a => a.PublishAt).HasFilter("status = 'Scheduled'");
        builder.HasIndex(a => new { a.SectionId, a.PublishedAt, a.Id }).HasDatabaseName("ix_articles_public_section_order").HasFilter("status IN ('Published', 'Scheduled')");
        builder.HasOne<Section>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict).HasConstraintName(ConstraintNames.ArticleSection);

        builder.OwnsOne(a => a.CoverImage, cover => cover.ToJson("cover_image"));
        builder.OwnsMany(a => a.Sources, sources => sources.ToJson("sources"));

        builder.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Authors).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.SlugHistory).WithOne().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Tags).AutoInclude();
        builder.Navigation(a => a.Authors).AutoInclude();
        builder.Navigation(a => a.SlugHistory).AutoInclude();
    }
}

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.ToTable("article_tags");
        builder.HasKey(t => new { t.ArticleId, t.TagId });
        // Related articles take the newest articles of a tag: article ids are UUIDv7, so (tag_id, article_id DESC) is newest first.
        builder.HasIndex(t => new { t.TagId, t.ArticleId }).IsDescending(false, true);
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> builder)
    {
        builder.ToTable("article_authors");
        builder.HasKey(a => new { a.ArticleId, a.AuthorId });
        builder.HasIndex(a => a.AuthorId);
        builder.HasOne<Author>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict).HasConstraintName(ConstraintNames.ArticleAuthor);
    }
}

internal sealed class ArticleSlugHistoryConfiguration : IEntityTypeConfiguration<ArticleSlugHistory>
{
    public void Configure(EntityTypeBuilder<ArticleSlugHistory> builder)
    {
        builder.ToTable("article_slug_history");
        builder.HasKey(h => h.Slug).HasName(ConstraintNames.ArticleSlugHistory);
        builder.Property(h => h.Slug).HasMaxLength(200);
        builder.HasIndex(h => h.ArticleId);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.ToTable("article_revisions");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.Property(r => r.Action).HasMaxLength(20);
        builder.Property(r => r.ChangedFields).HasColumnType("text[]");
        // A revision's snapshot is written once and read whole: a jsonb document, never queried into.
        builder.Property(r => r.Snapshot).HasColumnType("jsonb").HasConversion(
            snapshot => JsonSerializer.Serialize(snapshot, SnapshotJson),
            json => JsonSerializer.Deserialize<ArticleSnapshot>(json, SnapshotJson)!,
            new ValueComparer<ArticleSnapshot>((a, b) => ReferenceEquals(a, b), s => s.GetHashCode(), s => s));
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.ToTable("authors");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Author.NameMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(120).IsRequired();
        builder.Property(a => a.Bio).HasMaxLength(Author.BioMaxLength);
        builder.Property(a => a.AvatarUrl).HasMaxLength(2000);
        builder.HasIndex(a => a.Slug).IsUnique().HasDatabaseName(ConstraintNames.AuthorSlug);
        builder.HasIndex(a => a.UserId);
        builder.HasOne<Identity.NewsroomUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength).IsRequired();
        builder.Property(t => t.Slug).HasMaxLength(120).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique().HasDatabaseName(ConstraintNames.TagSlug);
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<Outbox.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Outbox.OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasMaxLength(60);
        builder.HasIndex(m => m.OccurredAt).HasFilter("processed_at IS NULL");
    }
}

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<Idempotency.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Idempotency.IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.UserId, r.Key }).HasName(ConstraintNames.IdempotencyKey);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class RelatedPickConfiguration : IEntityTypeConfiguration<RelatedPick>
{
    public void Configure(EntityTypeBuilder<RelatedPick> builder)
    {
        builder.ToTable("article_related_picks");
        builder.HasKey(p => new { p.ArticleId, p.RelatedArticleId });
        builder.HasOne<Article>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(p => p.RelatedArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.RelatedArticleId);
    }
}

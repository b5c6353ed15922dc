using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Tags;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Tags;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

internal sealed class TagRepository(NewsroomDbContext db, TimeProvider clock) : ITagRepository
{
    /// <summary>A tag found by slug can vanish before it is locked (merged or renamed by another editor); it is then created again.</summary>
    private const int EnsureAttempts = 3;

    public Task<Tag?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tags.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public void Remove(Tag tag) => db.Tags.Remove(tag);

    public Task<int> CountArticlesAsync(Guid tagId, CancellationToken cancellationToken) =>
        db.Set<ArticleTag>().CountAsync(link => link.TagId == tagId, cancellationToken);

    /// <summary>By slug, which is the name without case or accents: the collation of the database may not know French.</summary>
    public async Task<IReadOnlyList<TagResponse>> ListAsync(CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking()
            .OrderBy(t => t.Slug)
            .Select(t => new TagResponse(t.Id, t.Slug, t.Name, db.Set<ArticleTag>().Count(link => link.TagId == t.Id)))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PublicTagResponse>> ListPublicAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await (from tag in db.Tags.AsNoTracking()
               join count in PublicCounts(now) on tag.Id equals count.TagId
               orderby count.Articles descending, tag.Slug
               select new PublicTagResponse(tag.Slug, tag.Name, count.Articles))
            .Take(limit)
            .ToListAsync(cancellationToken);

    public Task<PublicTagResponse?> FindPublicBySlugAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken) =>
        (from tag in db.Tags.AsNoTracking()
         where tag.Slug == slug
         join count in PublicCounts(now) on tag.Id equals count.TagId
         select new PublicTagResponse(tag.Slug, tag.Name, count.Articles))
        .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Tag>> EnsureTagsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var wanted = Tag.DistinctNames(names).Select(name => new Tag(Guid.CreateVersion7(), name, now)).ToList();
        var invalid = wanted.FirstOrDefault(t => t.Slug.Length == 0 || t.Name.Length > Tag.NameMaxLength);
        if (invalid is not null)
        {
            throw new ArgumentException($"'{invalid.Name}' is not a valid tag name; validate names before ensuring tags.", nameof(names));
        }

        var found = new Dictionary<string, Tag>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < EnsureAttempts && found.Count < wanted.Count; attempt++)
        {
            var missing = wanted.Where(t => !found.ContainsKey(t.Slug)).ToList();
            await InsertMissingAsync(missing, now, cancellationToken);
            foreach (var tag in await LockBySlugAsync(missing.Select(t => t.Slug).ToArray(), cancellationToken))
            {
                found[tag.Slug] = tag;
            }
        }

        if (found.Count < wanted.Count)
        {
            throw new InvalidOperationException($"Tags kept disappearing while being ensured ({EnsureAttempts} attempts).");
        }

        return wanted.Select(t => found[t.Slug]).ToList();
    }

    public async Task<IReadOnlySet<Guid>> LockAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        // Always in id order, so two merges of the same pair in opposite directions cannot deadlock.
        var sorted = ids.Distinct().Order().ToArray();
        var locked = await db.Database
            .SqlQuery<Guid>($"""SELECT id AS "Value" FROM tags WHERE id = ANY({sorted}) ORDER BY id FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return locked.ToHashSet();
    }

    public async Task MergeAsync(Guid sourceId, Guid targetId, CancellationToken cancellationToken)
    {
        // An article filed under both keeps the target, at whichever of the two positions came first.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE article_tags AS kept SET position = LEAST(kept.position, moved.position)
            FROM article_tags AS moved
            WHERE kept.tag_id = {targetId} AND moved.tag_id = {sourceId} AND moved.article_id = kept.article_id
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM article_tags AS moved
            USING article_tags AS kept
            WHERE moved.tag_id = {sourceId} AND kept.tag_id = {targetId} AND kept.article_id = moved.article_id
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE article_tags SET tag_id = {targetId} WHERE tag_id = {sourceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM tags WHERE id = {sourceId}", cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ArticleIdsAsync(Guid tagId, CancellationToken cancellationToken) =>
        await db.Set<ArticleTag>().Where(t => t.TagId == tagId).Select(t => t.ArticleId).ToListAsync(cancellationToken);

    /// <summary>The same format as <see cref="Article.IndexTags"/>: names in position order, joined by " | ".</summary>
    public async Task ReindexArticlesAsync(IReadOnlyCollection<Guid> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return;
        }

        var ids = articleIds.Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE articles a
            SET search_tags = coalesce((SELECT string_agg(t.name, ' | ' ORDER BY l.position, t.id)
                                        FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE l.article_id = a.id), '')
            WHERE a.id = ANY({ids})
            """, cancellationToken);
    }

    /// <summary>
    /// ON CONFLICT DO NOTHING waits for a concurrent insert of the same slug and then skips it, so two editors filing
    /// articles under a new tag at once get one tag. Rows go in slug order so overlapping inserts cannot deadlock.
    /// </summary>
    private Task InsertMissingAsync(IReadOnlyList<Tag> missing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = missing.Select(t => t.Id).ToArray();
        var names = missing.Select(t => t.Name).ToArray();
        var slugs = missing.Select(t => t.Slug).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO tags (id, name, slug, created_at)
            SELECT wanted.id, wanted.name, wanted.slug, {now}
            FROM unnest({ids}, {names}, {slugs}) AS wanted(id, name, slug)
            ORDER BY wanted.slug
            ON CONFLICT (slug) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>FOR KEY SHARE keeps the tags from being deleted or re-slugged until the caller's transaction ends, without blocking other articles filed under them.</summary>
    private async Task<List<Tag>> LockBySlugAsync(string[] slugs, CancellationToken cancellationToken) =>
        await db.Tags.FromSql($"SELECT * FROM tags WHERE slug = ANY({slugs}) ORDER BY slug FOR KEY SHARE").ToListAsync(cancellationToken);

    private IQueryable<TagCount> PublicCounts(DateTimeOffset now) =>
        from link in db.Set<ArticleTag>()
        join article in db.Articles.PublicAt(now) on link.ArticleId equals article.Id
        group link by link.TagId into byTag
        select new TagCount { TagId = byTag.Key, Articles = byTag.Count() };

    /// <summary>Built by member initialisation, not a constructor, so EF can keep composing (join, order) on it.</summary>
    private sealed class TagCount
    {
        public Guid TagId { get; init; }

        public int Articles { get; init; }
    }
}

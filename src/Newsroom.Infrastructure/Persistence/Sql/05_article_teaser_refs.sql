-- Teasers without joins: for each article, the slugs and names of its tags and bylines in the editor's order, as
-- flat arrays (slug, name, slug, name…) in a narrow side table. Readers' lists, related articles and search hits
-- read one row there instead of joining two link tables and two catalogs per teaser, which was 90 % of a teaser's
-- database time. Triggers keep it on every write path (the API, the seeders, tag merges and deletions, renaming or
-- re-slugging a tag or an author). It is a table of its own, not columns of articles, so that those triggers never
-- touch an article row: EF Core's optimistic concurrency on xmin would see their update.
CREATE TABLE article_teaser_refs (
    article_id uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    tag_refs text[] NOT NULL,
    author_refs text[] NOT NULL
);

CREATE FUNCTION newsroom_tag_refs(article uuid) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE
RETURN (SELECT coalesce(array_agg(pair.value ORDER BY link.position, tag.id, pair.n), '{}')
        FROM article_tags link JOIN tags tag ON tag.id = link.tag_id,
             unnest(ARRAY[tag.slug::text, tag.name::text]) WITH ORDINALITY AS pair(value, n)
        WHERE link.article_id = article);

CREATE FUNCTION newsroom_author_refs(article uuid) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE
RETURN (SELECT coalesce(array_agg(pair.value ORDER BY link.position, author.id, pair.n), '{}')
        FROM article_authors link JOIN authors author ON author.id = link.author_id,
             unnest(ARRAY[author.slug::text, author.name::text]) WITH ORDINALITY AS pair(value, n)
        WHERE link.article_id = article);

-- Nothing is stored for an article that is gone (a link deleted by the article's own cascade).
CREATE FUNCTION newsroom_store_teaser_refs(article uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO article_teaser_refs (article_id, tag_refs, author_refs)
    SELECT a.id, newsroom_tag_refs(a.id), newsroom_author_refs(a.id) FROM articles a WHERE a.id = article
    ON CONFLICT (article_id) DO UPDATE SET tag_refs = EXCLUDED.tag_refs, author_refs = EXCLUDED.author_refs
    WHERE (article_teaser_refs.tag_refs, article_teaser_refs.author_refs)
          IS DISTINCT FROM (EXCLUDED.tag_refs, EXCLUDED.author_refs);
$$;

CREATE FUNCTION newsroom_refresh_teaser_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM newsroom_store_teaser_refs(OLD.article_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.article_id <> OLD.article_id) THEN
        PERFORM newsroom_store_teaser_refs(NEW.article_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER teaser_refs_on_link AFTER INSERT OR UPDATE OR DELETE ON article_tags
    FOR EACH ROW EXECUTE FUNCTION newsroom_refresh_teaser_refs();
CREATE TRIGGER teaser_refs_on_link AFTER INSERT OR UPDATE OR DELETE ON article_authors
    FOR EACH ROW EXECUTE FUNCTION newsroom_refresh_teaser_refs();

CREATE FUNCTION newsroom_rename_teaser_refs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'tags' THEN
        UPDATE article_teaser_refs SET tag_refs = newsroom_tag_refs(article_id)
        WHERE article_id IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
    ELSE
        UPDATE article_teaser_refs SET author_refs = newsroom_author_refs(article_id)
        WHERE article_id IN (SELECT article_id FROM article_authors WHERE author_id = NEW.id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER teaser_refs_on_rename AFTER UPDATE OF name, slug ON tags FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
    EXECUTE FUNCTION newsroom_rename_teaser_refs();
CREATE TRIGGER teaser_refs_on_rename AFTER UPDATE OF name, slug ON authors FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
    EXECUTE FUNCTION newsroom_rename_teaser_refs();

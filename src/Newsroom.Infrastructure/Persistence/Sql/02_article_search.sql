-- Search that stays fast on common words (see PostgresSearchEngine):
-- - articles.search_head: title (A), tags and standfirst (B), small enough to stay in the row, so the "title and
--   tag matches first" tier is found and ranked without reading any body. EF's model does not map it.
-- - article_search: one narrow row per public article (section, instant, and the whole weighted document, stored
--   out of line), kept by a trigger. Counting and faceting thousands of matches reads a few hundred pages of it
--   instead of the wide article rows; drafts are never indexed.
-- Both vectors use the two configurations of 01_french_search (French stemmer, and unaccent then stemmer).
ALTER TABLE articles ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    public.newsroom_search_weighted(title, 'A') ||
    public.newsroom_search_weighted(search_tags, 'B') ||
    public.newsroom_search_weighted(standfirst, 'B')
) STORED;
CREATE INDEX ix_articles_search_head ON articles USING gin (search_head);

CREATE TABLE article_search (
    article_id uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    section_id uuid NOT NULL,
    published_at timestamptz NOT NULL,
    document tsvector NOT NULL
) WITH (toast_tuple_target = 128);
ALTER TABLE article_search ALTER COLUMN document SET STORAGE EXTENDED;
CREATE INDEX ix_article_search_document ON article_search USING gin (document);
CREATE INDEX ix_article_search_order ON article_search (published_at, article_id);

CREATE FUNCTION public.newsroom_search_document(articles) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN $1.search_head || public.newsroom_search_weighted($1.body_text, 'C');

CREATE FUNCTION newsroom_index_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IN ('Published', 'Scheduled') AND NEW.published_at IS NOT NULL THEN
        IF TG_OP = 'UPDATE' AND OLD.status IN ('Published', 'Scheduled') AND OLD.published_at IS NOT NULL
           AND OLD.search_head = NEW.search_head AND OLD.body_text = NEW.body_text THEN
            -- Same words: only where and when it is shown may have changed.
            UPDATE article_search SET section_id = NEW.section_id, published_at = NEW.published_at
            WHERE article_id = NEW.id AND (section_id, published_at) IS DISTINCT FROM (NEW.section_id, NEW.published_at);
            IF FOUND OR EXISTS (SELECT 1 FROM article_search WHERE article_id = NEW.id) THEN
                RETURN NULL;
            END IF;
        END IF;
        INSERT INTO article_search (article_id, section_id, published_at, document)
        VALUES (NEW.id, NEW.section_id, NEW.published_at, public.newsroom_search_document(NEW))
        ON CONFLICT (article_id) DO UPDATE
            SET section_id = EXCLUDED.section_id, published_at = EXCLUDED.published_at, document = EXCLUDED.document;
    ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM article_search WHERE article_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_search_on_write AFTER INSERT OR UPDATE OF title, standfirst, search_tags, body_text, status, published_at, section_id
    ON articles FOR EACH ROW EXECUTE FUNCTION newsroom_index_article();

-- Rebuilds the search documents of the public articles whose id falls in the slice: for bulk loads that
-- bypass triggers, in slices [from, to] that can run side by side.
CREATE FUNCTION newsroom_reindex_search(from_id uuid DEFAULT '00000000-0000-0000-0000-000000000000', to_id uuid DEFAULT 'ffffffff-ffff-ffff-ffff-ffffffffffff') RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    DELETE FROM article_search s WHERE s.article_id >= from_id AND s.article_id <= to_id;
    INSERT INTO article_search (article_id, section_id, published_at, document)
    SELECT a.id, a.section_id, a.published_at, public.newsroom_search_document(a)
    FROM articles a
    WHERE a.status IN ('Published', 'Scheduled') AND a.published_at IS NOT NULL AND a.id >= from_id AND a.id <= to_id;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END $$;

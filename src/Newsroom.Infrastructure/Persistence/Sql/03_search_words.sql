-- The vocabulary of completions and typo corrections: the words of the titles, standfirsts, tags and authors of
-- public articles, unaccented and lowercased. Each word keeps the earliest instant from which an article using it
-- is public (public_from), and readers' queries keep only the words public at the request's instant, so a
-- scheduled article's words appear exactly when it goes live, without waiting for a refresh. ndoc counts only the
-- articles public when the view was refreshed, so not even the order of completions depends on unpublished
-- articles. Refreshed by the search vocabulary's upkeep (REFRESH MATERIALIZED VIEW CONCURRENTLY needs the unique index).
CREATE MATERIALIZED VIEW search_words AS
    SELECT w.lexeme AS word,
           (count(*) FILTER (WHERE a.published_at <= now()))::int AS ndoc,
           min(a.published_at) AS public_from
    FROM articles a
    CROSS JOIN LATERAL unnest(to_tsvector('simple', public.unaccent(lower(public.newsroom_search_text(
        a.title || ' ' || a.standfirst || ' ' || a.search_tags || ' ' ||
        coalesce((SELECT string_agg(au.name, ' ') FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id), '')))))) AS w
    WHERE a.status IN ('Published', 'Scheduled') AND a.published_at IS NOT NULL AND length(w.lexeme) >= 2
    GROUP BY w.lexeme;
CREATE UNIQUE INDEX ux_search_words_word ON search_words (word);
CREATE INDEX ix_search_words_trigram ON search_words USING gin (word gin_trgm_ops);
CREATE INDEX ix_search_words_prefix ON search_words (word text_pattern_ops);

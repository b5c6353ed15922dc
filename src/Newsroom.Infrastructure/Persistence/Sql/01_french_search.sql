-- French search that is accent-, case- and ligature-insensitive without losing stemming: every text is indexed
-- twice, with the plain French stemmer and with a configuration that unaccents first (œ → oe), and queries ask
-- both. Apostrophes become spaces so "d’OpenAI" and "d'OpenAI" index "openai". pg_trgm, used by search_words,
-- is created by EF (NewsroomDbContext.HasPostgresExtension).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;

CREATE FUNCTION public.newsroom_search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN translate($1, '’‘ʼ''', '    ');

CREATE FUNCTION public.newsroom_search_weighted(text, "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('pg_catalog.french'::regconfig, public.newsroom_search_text(coalesce($1, ''))), $2) ||
           setweight(to_tsvector('public.french_unaccent'::regconfig, public.newsroom_search_text(coalesce($1, ''))), $2);

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Newsroom.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_tags",
                table: "articles",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            // French search that is accent-, case- and ligature-insensitive without losing stemming: every text is
            // indexed twice, with the plain French stemmer and with a configuration that unaccents first (œ → oe),
            // and queries ask both. Apostrophes become spaces so "d’OpenAI" and "d'OpenAI" index "openai".
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
                    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;

                CREATE FUNCTION public.newsroom_search_text(text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    RETURN translate($1, '’‘ʼ''', '    ');

                ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('pg_catalog.french'::regconfig, public.newsroom_search_text(title)), 'A') ||
                    setweight(to_tsvector('public.french_unaccent'::regconfig, public.newsroom_search_text(title)), 'A') ||
                    setweight(to_tsvector('pg_catalog.french'::regconfig, public.newsroom_search_text(search_tags)), 'B') ||
                    setweight(to_tsvector('public.french_unaccent'::regconfig, public.newsroom_search_text(search_tags)), 'B') ||
                    setweight(to_tsvector('pg_catalog.french'::regconfig, public.newsroom_search_text(standfirst)), 'B') ||
                    setweight(to_tsvector('public.french_unaccent'::regconfig, public.newsroom_search_text(standfirst)), 'B') ||
                    setweight(to_tsvector('pg_catalog.french'::regconfig, public.newsroom_search_text(body_text)), 'C') ||
                    setweight(to_tsvector('public.french_unaccent'::regconfig, public.newsroom_search_text(body_text)), 'C')
                ) STORED;
                CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector);

                -- The words typos are corrected against and completions drawn from: titles, standfirsts, tags and
                -- authors of public articles, unaccented and lowercased, with how many documents use them.
                CREATE MATERIALIZED VIEW search_words AS
                    SELECT word, ndoc FROM ts_stat($q$
                        SELECT to_tsvector('simple', public.unaccent(lower(public.newsroom_search_text(
                            a.title || ' ' || a.standfirst || ' ' || a.search_tags || ' ' ||
                            coalesce((SELECT string_agg(au.name, ' ') FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id), '')))))
                        FROM articles a WHERE a.status IN ('Published', 'Scheduled')
                    $q$)
                    WHERE length(word) >= 2;
                CREATE UNIQUE INDEX ux_search_words_word ON search_words (word);
                CREATE INDEX ix_search_words_trigram ON search_words USING gin (word gin_trgm_ops);
                CREATE INDEX ix_search_words_prefix ON search_words (word text_pattern_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP MATERIALIZED VIEW IF EXISTS search_words;
                ALTER TABLE articles DROP COLUMN IF EXISTS search_vector;
                DROP FUNCTION IF EXISTS public.newsroom_search_text(text);
                DROP TEXT SEARCH CONFIGURATION IF EXISTS public.french_unaccent;
                """);
            migrationBuilder.DropColumn(
                name: "search_tags",
                table: "articles");
        }
    }
}

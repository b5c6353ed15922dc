-- The article page's principal read, alone: the database's ceiling for GET /api/v1/articles/{slug}.
-- A random article number picks its slug from bench.slugs (primary-key lookup, written by the seeder), so every
-- transaction asks for a different article, as wrk's random slugs do. That extra lookup costs pgbench a little:
-- the ceiling is, if anything, slightly understated.
\set n random(1, :articles)
SELECT a.id, a.slug, a.title, a.standfirst, a.body_html, a.sources, a.cover_image, a.published_at, a.updated_at,
       a.reading_time_minutes, a.xmin, s.slug AS section_slug, s.name AS section_name,
       (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY at.position), '[]')
          FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags,
       (SELECT coalesce(json_agg(json_build_object('slug', au.slug, 'name', au.name) ORDER BY aa.position), '[]')
          FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id) AS authors
FROM articles a
JOIN sections s ON s.id = a.section_id
WHERE a.slug = (SELECT slug FROM bench.slugs WHERE n = :n)
  AND a.status = 'Published' AND a.published_at <= now();

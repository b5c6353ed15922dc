-- Archives without a scan of every article: public articles counted per UTC month, kept by a trigger on every
-- write path (the API, the scheduled publisher, bulk loads). The reader turns UTC months into the site's months by
-- moving the few articles of the hours between the two midnights (see ReaderQueries.ArchivesAsync). Scheduled
-- articles are counted from the start and left out at read time until their instant has come.
CREATE TABLE article_month_counts (
    month timestamp without time zone PRIMARY KEY,
    count integer NOT NULL CHECK (count >= 0)
);

CREATE FUNCTION newsroom_count_article_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('Published', 'Scheduled') AND OLD.published_at IS NOT NULL THEN
        UPDATE article_month_counts SET count = count - 1
        WHERE month = date_trunc('month', OLD.published_at AT TIME ZONE 'UTC');
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status IN ('Published', 'Scheduled') AND NEW.published_at IS NOT NULL THEN
        INSERT INTO article_month_counts (month, count) VALUES (date_trunc('month', NEW.published_at AT TIME ZONE 'UTC'), 1)
        ON CONFLICT (month) DO UPDATE SET count = article_month_counts.count + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER article_month_counts_on_insert_delete AFTER INSERT OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION newsroom_count_article_month();
CREATE TRIGGER article_month_counts_on_update AFTER UPDATE OF status, published_at ON articles
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION newsroom_count_article_month();

-- Recounts from scratch: for bulk loads that bypass triggers (session_replication_role = replica).
CREATE FUNCTION newsroom_recount_article_months() RETURNS void LANGUAGE sql AS $$
    DELETE FROM article_month_counts;
    INSERT INTO article_month_counts (month, count)
    SELECT date_trunc('month', published_at AT TIME ZONE 'UTC'), count(*)
    FROM articles
    WHERE status IN ('Published', 'Scheduled') AND published_at IS NOT NULL
    GROUP BY 1;
$$;

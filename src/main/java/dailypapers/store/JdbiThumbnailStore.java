package dailypapers.store;

import dailypapers.paper.ArxivId;
import dailypapers.thumbnail.Thumbnail;
import dailypapers.thumbnail.ThumbnailException;
import dailypapers.thumbnail.ThumbnailImage;
import dailypapers.thumbnail.ThumbnailStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ThumbnailStore} on the thumbnail table, in SQL that SQLite and PostgreSQL both run (the image column is a
 * BLOB on one and a BYTEA on the other; both take and give bytes).
 */
public final class JdbiThumbnailStore implements ThumbnailStore {

    private final HandleSource handles;

    public JdbiThumbnailStore(Database database) {
        this.handles = HandleSource.versioned(database);
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT f.paper_id, COALESCE(t.failures, 0) AS failures
                        FROM featured f LEFT JOIN thumbnail t ON t.paper_id = f.paper_id
                        WHERE t.paper_id IS NULL OR (t.image IS NULL AND t.retry_at <= :now)
                        ORDER BY f.featured_at DESC, f.paper_id DESC
                        LIMIT :limit""")
                .bind("now", now.toString())
                .bind("limit", limit)
                .map((rs, ctx) -> new Due(new ArxivId(rs.getString("paper_id")), rs.getInt("failures")))
                .list());
    }

    @Override
    public void save(ArxivId paper, ThumbnailImage image, Instant at) {
        Thumbnail thumbnail = image.thumbnail();
        handles.write(h -> h.createUpdate("""
                        INSERT INTO thumbnail (paper_id, image, media_type, width, height, version, failures,
                            updated_at)
                        VALUES (:paper, :image, :mediaType, :width, :height, :version, 0, :at)
                        ON CONFLICT (paper_id) DO UPDATE SET image = excluded.image,
                            media_type = excluded.media_type, width = excluded.width, height = excluded.height,
                            version = excluded.version, failures = 0, error_code = NULL, error_message = NULL,
                            retry_at = NULL, updated_at = excluded.updated_at""")
                .bind("paper", paper.value())
                .bind("image", image.bytes())
                .bind("mediaType", image.mediaType())
                .bind("width", thumbnail.width())
                .bind("height", thumbnail.height())
                .bind("version", thumbnail.version())
                .bind("at", at.toString())
                .execute());
    }

    @Override
    public void recordFailure(ArxivId paper, ThumbnailException.Code code, String message, Instant retryAt,
            Instant at) {
        handles.write(h -> h.createUpdate("""
                        INSERT INTO thumbnail (paper_id, failures, error_code, error_message, retry_at, updated_at)
                        VALUES (:paper, 1, :code, :message, :retryAt, :at)
                        ON CONFLICT (paper_id) DO UPDATE SET failures = thumbnail.failures + 1,
                            error_code = excluded.error_code, error_message = excluded.error_message,
                            retry_at = excluded.retry_at, updated_at = excluded.updated_at""")
                .bind("paper", paper.value())
                .bind("code", code.name())
                .bind("message", message)
                .bind("retryAt", retryAt.toString())
                .bind("at", at.toString())
                .execute());
    }

    @Override
    public Optional<ThumbnailImage> image(ArxivId paper) {
        return handles.read(h -> h.createQuery("""
                        SELECT image, media_type, width, height, version FROM thumbnail
                        WHERE paper_id = :paper AND image IS NOT NULL""")
                .bind("paper", paper.value())
                .map((rs, ctx) -> new ThumbnailImage(rs.getBytes("image"), rs.getString("media_type"),
                        thumbnail(rs)))
                .findOne());
    }

    @Override
    public Map<ArxivId, Thumbnail> thumbnails(Collection<ArxivId> papers) {
        if (papers.isEmpty()) {
            return Map.of();
        }
        return handles.read(h -> {
            Map<ArxivId, Thumbnail> found = new HashMap<>();
            h.createQuery("""
                            SELECT paper_id, width, height, version FROM thumbnail
                            WHERE paper_id IN (<papers>) AND image IS NOT NULL""")
                    .bindList("papers", papers.stream().map(ArxivId::value).distinct().toList())
                    .map((rs, ctx) -> Map.entry(new ArxivId(rs.getString("paper_id")), thumbnail(rs)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
            return found;
        });
    }

    private static Thumbnail thumbnail(ResultSet rs) throws SQLException {
        return new Thumbnail(rs.getString("version"), rs.getInt("width"), rs.getInt("height"));
    }
}

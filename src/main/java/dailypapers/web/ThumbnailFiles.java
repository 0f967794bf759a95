package dailypapers.web;

import dailypapers.paper.ArxivId;
import dailypapers.thumbnail.Thumbnail;
import dailypapers.thumbnail.ThumbnailImage;
import dailypapers.thumbnail.ThumbnailService;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Serves thumbnails from our own origin: {@code /thumbnails/2401.09603.png?v=…}. The URL pages and the API give
 * carries the image's version, so it may be cached for a year as immutable: a new rendering gets a new URL. A URL
 * with an older version is redirected to the current one; one without a version is cached for an hour.
 */
final class ThumbnailFiles {

    static final String EXTENSION = ".png";
    static final String VERSIONED_CACHE = "public, max-age=31536000, immutable";
    static final String UNVERSIONED_CACHE = "public, max-age=3600";

    private final ThumbnailService thumbnails;

    ThumbnailFiles(ThumbnailService thumbnails) {
        this.thumbnails = thumbnails;
    }

    void serve(Context ctx) {
        // Until there is an image to serve (a 404, a redirect to its current version), revalidate like any page.
        ctx.header(Header.CACHE_CONTROL, "no-cache");
        String file = ctx.pathParam("file");
        ArxivId id = canonicalId(file).orElseThrow(() -> HttpError.notFound("No such thumbnail: " + ctx.path()));
        ThumbnailImage image = thumbnails.image(id)
                .orElseThrow(() -> HttpError.notFound("No thumbnail of " + id.value() + " yet"));
        Optional<String> version = Params.optional(ctx, "v");
        if (version.isPresent() && !version.get().equals(image.thumbnail().version())) {
            ctx.redirect(Links.thumbnail(id, image.thumbnail()), HttpStatus.FOUND);
            return;
        }
        String etag = "\"" + image.thumbnail().version() + "\"";
        ctx.header(Header.CACHE_CONTROL, version.isPresent() ? VERSIONED_CACHE : UNVERSIONED_CACHE);
        ctx.header(Header.ETAG, etag);
        if (Validators.matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(image.mediaType()).result(image.bytes());
    }

    /** Only the canonical id names a thumbnail: one URL per image, for caches. */
    private static Optional<ArxivId> canonicalId(String file) {
        if (!file.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArxivId(file.substring(0, file.length() - EXTENSION.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The absolute URL of a thumbnail, for the API, on the host the client asked. */
    static String absolute(Context ctx, ArxivId id, Thumbnail thumbnail) {
        return ctx.scheme() + "://" + ctx.host() + Links.thumbnail(id, thumbnail);
    }
}

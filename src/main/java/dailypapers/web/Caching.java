package dailypapers.web;

import io.javalin.router.EndpointMetadata;

/** Whether caches may keep a route's answers; declared with each route in {@link Web}'s table. */
enum Caching implements EndpointMetadata {
    /**
     * Kept, but revalidated on every use ({@code no-cache}) against an ETag from the data's versions
     * ({@link Validators}); anyone's pages, API and feeds.
     */
    REVALIDATE,
    /** The handler sets the lifetime and validators itself (thumbnails: content-versioned URLs kept a year). */
    BY_HANDLER,
    /** Never kept ({@code no-store}): an admin's answers, and probes whose answer is the moment's state. */
    NO_STORE
}

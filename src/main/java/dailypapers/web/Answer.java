package dailypapers.web;

import io.javalin.router.EndpointMetadata;

/** What a route answers, and so how its errors are written; declared with each route in {@link Web}'s table. */
enum Answer implements EndpointMetadata {
    /** HTML for people: errors are an HTML page. */
    PAGE,
    /** For programs (JSON, Atom, metrics): errors are a JSON body. */
    DATA
}

package dailypapers.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * Views of a listing as anyone sees it, before a member's own marks (their upvotes, their Save buttons) are added,
 * kept for a few listings: members' pages of the same listing are then built from one read of its data, plus their
 * own votes on the page's papers. Keyed by what the answer is made of but the visitor
 * ({@link Validators#sharedVersion}: the data's version, the URL, the minute...), so a write shows at once.
 */
final class SharedViews<V> {

    /** A few dozen listings: the day, week and month members are looking at now, and their next pages. */
    static final int MAX_VIEWS = 64;

    private final Cache<String, V> views;

    /** Off, every view built for its request, when {@code isEnabled} is false (the page cache is off). */
    SharedViews(boolean isEnabled) {
        this.views = isEnabled ? Caffeine.newBuilder().maximumSize(MAX_VIEWS)
                .expireAfterWrite(Validators.LIFETIME).executor(Runnable::run).build() : null;
    }

    /** The shared view of this request's listing, built once per version by {@code build}. */
    V get(Context ctx, Supplier<V> build) {
        String version = Validators.sharedVersion(ctx);
        return views == null || version == null ? build.get() : views.get(version, key -> build.get());
    }
}

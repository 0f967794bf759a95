package dailypapers.web;

import dailypapers.feed.Page;
import io.javalin.http.Context;

/**
 * Links between the pages of a listing.
 *
 * @param previous the page before, or null on the first
 * @param next     the page after, or null on the last
 */
public record Pager(LinkView previous, LinkView next, String position) {

    /** Pages of every HTML listing hold this many papers. */
    static final int PAGE_SIZE = 50;

    /** The 0-based page a request asks for with {@code ?p=N}; a bad value is a 400 that names {@code p}. */
    static int requestedPage(Context ctx) {
        return Params.integer(ctx, "p", 0, 0, PaperApi.MAX_PAGE);
    }

    /** The pager for {@code page} of the listing at {@code href}, or null when everything fits on one page. */
    static Pager of(Page<?> page, String href) {
        if (page.pageCount() == 1 && page.number() == 0) {
            return null;
        }
        int first = Math.min(page.offset() + 1, page.total());
        int last = Math.min(page.offset() + page.items().size(), page.total());
        String position = page.items().isEmpty()
                ? "Page " + (page.number() + 1) + " of " + page.pageCount()
                : "Papers " + first + "–" + last + " of " + page.total();
        return new Pager(
                page.hasPrevious() ? new LinkView("← Previous page", Links.page(href,
                        Math.min(page.number() - 1, page.pageCount() - 1))) : null,
                page.hasNext() ? new LinkView("Next page →", Links.page(href, page.number() + 1)) : null,
                position);
    }
}

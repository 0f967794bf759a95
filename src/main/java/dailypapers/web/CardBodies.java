package dailypapers.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.Content;
import java.util.function.Function;

/**
 * The part of each card that is the same for every visitor (title, facts, abstract, categories: template
 * {@code tag/card-body.jte}), rendered once per card and kept, since a member's listing shows the same cards as
 * everyone's with only the buttons changed, and typesetting, cleaning and escaping an abstract cost more than the
 * rest of the page. The body is a function of the card alone, so a kept body is never stale: a changed paper makes
 * another card. Rendered by the same cleaning, escaping output as every page.
 */
public final class CardBodies {

    /** About a thousand cards of a few kilobytes each: the listings members are looking at, and then some. */
    private static final long MAX_BYTES = 8L << 20;

    private final Cache<PaperCard, byte[]> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .<PaperCard, byte[]>weigher((card, html) -> html.length)
            .executor(Runnable::run)
            .build();
    private final Function<PaperCard, byte[]> render;

    CardBodies(Function<PaperCard, byte[]> render) {
        this.render = render;
    }

    /** The card's body as HTML in UTF-8, escaped already. */
    public Content of(PaperCard card) {
        byte[] html = bodies.get(card, render);
        return output -> output.writeBinaryContent(html);
    }
}

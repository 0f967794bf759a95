package dailypapers.web;

import dailypapers.text.CleanText;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.Utf8ByteOutput;
import dailypapers.account.Member;
import dailypapers.library.LibraryService;
import dailypapers.paper.ArxivId;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the precompiled jte templates in src/main/jte; output is HTML-escaped by default, and every value a
 * template prints is first cleaned by {@link CleanText}.
 */
final class Views {

    /** With the charset, so a browser never guesses the encoding of untrusted text. */
    private static final String HTML = "text/html; charset=utf-8";
    /** The size of the chunks a page is written in: a listing fills a few. */
    private static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final LibraryService library;
    private final CardBodies cardBodies = new CardBodies(card -> html("tag/card-body.jte", Map.of("card", card)));

    Views(LibraryService library) {
        this.library = library;
    }

    /**
     * Renders a page template, which takes the page's {@code view} and the request's {@code visitor}; a listing of
     * cards shown to a member also gets {@code saveToggles}, each card's Save button by paper id, from one query; and
     * every page gets {@code cardBodies}, the cards' kept bodies.
     */
    void render(Context ctx, String template, Object view) {
        Visitor visitor = Visitor.of(ctx);
        Map<String, Object> params = new HashMap<>(Map.of("view", view, "visitor", visitor,
                "cardBodies", cardBodies));
        Optional<Member> member = visitor.member();
        if (view instanceof CardListing listing && member.isPresent() && !listing.cards().isEmpty()) {
            params.put("saveToggles", saveToggles(ctx, member.get().id(), listing.cards()));
        }
        ctx.contentType(HTML).result(html(template, params));
    }

    /** The page as UTF-8, encoded as it is written: one copy of the text, not a string and then its bytes. */
    private byte[] html(String template, Map<String, Object> params) {
        Utf8ByteOutput output = new Utf8ByteOutput(OUTPUT_BUFFER_BYTES);
        engine.render(template, params, new CleanHtmlOutput(output));
        return output.toByteArray();
    }

    /** Each card's Save toggle, coming back to the card on this page. */
    private Map<String, SaveToggle> saveToggles(Context ctx, long memberId, List<PaperCard> cards) {
        List<ArxivId> ids = cards.stream().map(card -> new ArxivId(card.id())).toList();
        Set<ArxivId> saved = library.saved(memberId, ids);
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        Map<String, SaveToggle> toggles = new HashMap<>();
        for (int i = 0; i < cards.size(); i++) {
            ArxivId id = ids.get(i);
            toggles.putIfAbsent(id.value(), SaveToggle.of(id, saved.contains(id),
                    here + "#" + cards.get(i).anchor() + "-title"));
        }
        return toggles;
    }

    /**
     * jte's escaping output, cleaning each printed value before it is escaped. Import and harvest clean text before
     * it is stored; this guard covers rows stored before they did, so no page ever carries a raw NUL, BEL or
     * bidirectional override. It costs one scan of each value, which returns the value itself when it is clean,
     * and needs no pass over the database.
     */
    private static final class CleanHtmlOutput extends OwaspHtmlTemplateOutput {

        CleanHtmlOutput(TemplateOutput output) {
            super(output);
        }

        @Override
        public void writeUserContent(String value) {
            super.writeUserContent(CleanText.clean(value));
        }
    }
}

package dailypapers.web;

import dailypapers.text.CleanText;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the precompiled jte templates in src/main/jte; output is HTML-escaped by default, and every value a
 * template prints is first cleaned by {@link CleanText}.
 */
final class Views {

    /** With the charset, so a browser never guesses the encoding of untrusted text. */
    private static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a page template, which takes the page's {@code view} and the request's {@code visitor}. */
    void render(Context ctx, String template, Object view) {
        StringOutput output = new StringOutput();
        engine.render(template, Map.of("view", view, "visitor", Visitor.of(ctx)), new CleanHtmlOutput(output));
        ctx.contentType(HTML).result(output.toString());
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

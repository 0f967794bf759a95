package dailypapers.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the precompiled jte templates in src/main/jte; output is HTML-escaped by default. */
final class Views {

    /** With the charset, so a browser never guesses the encoding of untrusted text. */
    private static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, String template, Object model) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        ctx.contentType(HTML).result(output.toString());
    }
}

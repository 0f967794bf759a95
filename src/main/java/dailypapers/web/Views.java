package dailypapers.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the precompiled jte templates in src/main/jte; output is HTML-escaped by default. */
final class Views {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, String template, Object model) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        ctx.html(output.toString());
    }
}

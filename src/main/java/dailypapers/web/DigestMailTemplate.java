package dailypapers.web;

import dailypapers.digest.DigestLetter;
import dailypapers.digest.DigestRenderer;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The HTML part of digest mails, from src/main/jte/mail/digest.jte: every value escaped, inline CSS only (mail
 * clients drop style sheets) but for one media query for phones, tables for layout, no script, no remote image.
 */
public final class DigestMailTemplate implements DigestRenderer {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public String html(DigestLetter letter) {
        StringOutput output = new StringOutput();
        engine.render("mail/digest.jte", Map.of("letter", letter), new OwaspHtmlTemplateOutput(output));
        return output.toString();
    }
}

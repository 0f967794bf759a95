package dailypapers.comment;

import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A comment's Markdown made into the HTML a page shows, in two independent steps: commonmark-java renders it with
 * every raw HTML tag escaped as text, then the OWASP sanitizer keeps only an allow-list (paragraphs, emphasis,
 * code, blocks of code, quotes, lists, line breaks and links to {@code http}, {@code https} and {@code mailto}
 * URLs, each with {@code rel="nofollow ugc noopener"}). Either step alone would stop a script; both must fail for
 * one to pass. Headings and thematic breaks are not parsed (a "#" line stays text), and an image becomes nothing.
 */
public final class CommentMarkdown {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, IndentedCodeBlock.class,
                    ListBlock.class))
            .build();

    /** URLs are the policy's to judge: it drops a link it refuses and keeps the text. */
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "br", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private CommentMarkdown() {
    }

    /** Safe HTML for the text; parsers and policy are immutable, so this is safe from any thread. */
    public static String html(CommentText text) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(text.value())));
    }
}

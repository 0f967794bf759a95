package dailypapers.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.XssCorpus;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommentMarkdownTest {

    private static String html(String markdown) {
        return CommentMarkdown.html(new CommentText(markdown));
    }

    @Test
    void paragraphsEmphasisCodeQuotesAndListsAreKept() {
        assertThat(html("Some *emphasis* and **strong** `code`.\n\nSecond paragraph."))
                .isEqualTo("<p>Some <em>emphasis</em> and <strong>strong</strong> <code>code</code>.</p>\n"
                        + "<p>Second paragraph.</p>\n");
        assertThat(html("> quoted")).isEqualTo("<blockquote>\n<p>quoted</p>\n</blockquote>\n");
        assertThat(html("- one\n- two")).isEqualTo("<ul><li>one</li><li>two</li></ul>\n");
        assertThat(html("1. one\n2. two")).isEqualTo("<ol><li>one</li><li>two</li></ol>\n");
        assertThat(html("```java\nint x = 1 < 2;\n```")).isEqualTo("<pre><code>int x &#61; 1 &lt; 2;\n</code></pre>\n");
    }

    @Test
    void linksKeepHttpHttpsAndMailtoWithNofollowUgcNoopener() {
        String link = html("[a](https://example.org/x?y=1&z=2)");
        assertThat(link).startsWith("<p><a href=\"https://example.org/x?y&#61;1&amp;z&#61;2\" rel=\"")
                .endsWith("\">a</a></p>\n");
        assertThat(rels(link)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
        String autolink = html("<http://example.org>");
        assertThat(autolink).contains("href=\"http://example.org\"");
        assertThat(rels(autolink)).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
        assertThat(html("[mail](mailto:ada@example.org)")).contains("href=\"mailto:ada&#64;example.org\"");
    }

    /** The sanitizer writes the rel values in no fixed order. */
    private static List<String> rels(String html) {
        Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        assertThat(rel.find()).as(html).isTrue();
        return List.of(rel.group(1).split(" "));
    }

    @Test
    void otherSchemesLoseTheLinkButKeepTheText() {
        assertThat(html("[x](javascript:alert(1))")).isEqualTo("<p>x</p>\n");
        assertThat(html("[x](ftp://example.org)")).isEqualTo("<p>x</p>\n");
    }

    @Test
    void rawHtmlShowsAsTextAndImagesHeadingsAndRulesAreNotMade() {
        assertThat(html("<b>bold</b>")).isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
        assertThat(html("![alt](https://example.org/x.png)")).doesNotContain("img");
        assertThat(html("# Title")).isEqualTo("<p># Title</p>\n");
        assertThat(html("a\n\n---")).doesNotContain("<hr");
    }

    @Test
    void noPayloadOfTheCorpusComesOutActive() {
        for (String payload : XssCorpus.payloads()) {
            assertThat(XssCorpus.isActive(html(payload))).as(payload).isFalse();
        }
    }

    @Test
    void theActiveCheckRecognisesWhatItLooksFor() {
        assertThat(XssCorpus.isActive("<p><img src=x onerror=alert(1)></p>")).isTrue();
        assertThat(XssCorpus.isActive("<a href=\"javascript:alert(1)\">x</a>")).isTrue();
        assertThat(XssCorpus.isActive("<p>&lt;script&gt;</p>")).isFalse();
    }
}

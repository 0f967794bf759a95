package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.XssCorpus;
import dailypapers.digest.DigestLetter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML part of digest mails: every value escaped, mail-client-safe markup. */
class DigestMailTemplateTest {

    private final DigestMailTemplate template = new DigestMailTemplate();

    private static DigestLetter letter(String text) {
        DigestLetter.Paper paper = new DigestLetter.Paper(text, "https://papers.example.org/papers/2601.00001", text,
                text, 3);
        return new DigestLetter(text, "Monday 7 December 2026", List.of(new DigestLetter.Section(text,
                List.of(paper, paper))), "https://papers.example.org", "https://papers.example.org/digest/preferences?token=1.2.x",
                "https://papers.example.org/digest/unsubscribe?token=1.2.x", text);
    }

    private static long tags(String html) {
        return html.chars().filter(c -> c == '<').count();
    }

    @Test
    void everyUntrustedValueIsEscapedSoNoPayloadAddsMarkup() {
        long plain = tags(template.html(letter("A plain title")));
        for (String payload : XssCorpus.payloads()) {
            String html = template.html(letter(payload));
            assertThat(tags(html)).as(payload).isEqualTo(plain);
            if (payload.contains("<")) {
                assertThat(html).as(payload).doesNotContain(payload);
            }
        }
    }

    @Test
    void theMailHasInlineStylesATableLayoutAndNothingThatRunsOrLoads() {
        String html = template.html(letter("Sparse attention"));
        assertThat(html).contains("<table role=\"presentation\"", "max-width:600px", "<style>\n@media (max-width: 480px)",
                "<meta name=\"viewport\"", "href=\"https://papers.example.org/papers/2601.00001\"",
                "href=\"https://papers.example.org/digest/unsubscribe?token=1.2.x\"");
        assertThat(html).doesNotContain("<script", "<img", "src=", "<link");
    }
}

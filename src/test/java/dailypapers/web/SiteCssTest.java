package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet's blocks close: one unclosed rule (a merge once dropped the end of one) makes browsers read every
 * rule after it as nested inside it, and whole features lose their styles without any error.
 */
class SiteCssTest {

    @Test
    void everyBlockOfTheStylesheetCloses() throws IOException {
        String css;
        try (InputStream in = SiteCssTest.class.getResourceAsStream("/assets/site.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            assertThat(depth).as("braces at line %d (comments removed)", line).isBetween(0, 2);
        }
        assertThat(depth).as("blocks left open at the end").isZero();
    }
}

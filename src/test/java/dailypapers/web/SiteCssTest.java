package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * site.css is appended to by several features and merged often: a lost closing brace turns every later rule into
 * a nested rule that matches nothing (Chromium nests CSS), silently unstyling whole pages.
 */
class SiteCssTest {

    @Test
    void everyRuleIsAtTheTopLevelOrInsideAnAtRuleAndEveryBraceCloses() throws IOException {
        String css;
        try (InputStream in = SiteCssTest.class.getResourceAsStream("/assets/site.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        Deque<String> open = new ArrayDeque<>();
        List<String> nested = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '{') {
                String selector = css.substring(start, i).trim();
                if (!open.isEmpty() && !open.peek().startsWith("@")) {
                    nested.add(selector + " inside " + open.peek());
                }
                open.push(selector);
                start = i + 1;
            } else if (c == '}') {
                assertThat(open).as("a '}' without its '{' before: " + css.substring(start, i).trim()).isNotEmpty();
                open.pop();
                start = i + 1;
            } else if (c == ';') {
                start = i + 1;
            }
        }
        assertThat(nested).as("rules nested in a rule that was never closed").isEmpty();
        assertThat(open).as("blocks never closed").isEmpty();
    }
}

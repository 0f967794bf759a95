package dailypapers.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void emptyOrBlankTextIsRefused() {
        for (String text : new String[] {null, "", "  \n\t ", "\u0000\u202E"}) {
            assertThatThrownBy(() -> new CommentText(text)).isInstanceOf(CommentException.class)
                    .extracting(e -> ((CommentException) e).code()).isEqualTo(CommentException.Code.TEXT_EMPTY);
        }
    }

    @Test
    void textLongerThanTheLimitIsRefusedAndTheLimitItselfIsKept() {
        assertThat(new CommentText("a".repeat(CommentText.MAX_CHARACTERS)).value())
                .hasSize(CommentText.MAX_CHARACTERS);
        assertThatThrownBy(() -> new CommentText("a".repeat(CommentText.MAX_CHARACTERS + 1)))
                .isInstanceOf(CommentException.class)
                .extracting(e -> ((CommentException) e).code()).isEqualTo(CommentException.Code.TEXT_TOO_LONG);
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";

        assertThat(new CommentText(emoji.repeat(CommentText.MAX_CHARACTERS)).value())
                .hasSize(2 * CommentText.MAX_CHARACTERS);
    }

    @Test
    void controlAndOverrideCharactersAreRemovedAndLineBreaksKept() {
        assertThat(new CommentText("  first\u0007 line\r\n\u202Esecond\rthird  ").value())
                .isEqualTo("first line\nsecond\nthird");
    }
}

package dailypapers.comment;

import dailypapers.text.CleanText;

/**
 * What a member typed as a comment, cleaned at the door ({@link CleanText#clean}: control and bidirectional
 * override characters gone, line breaks kept for Markdown), line ends made {@code \n}, the ends stripped, not empty
 * and at most {@link #MAX_CHARACTERS} long.
 */
public record CommentText(String value) {

    public static final int MAX_CHARACTERS = 10_000;

    public CommentText {
        value = CleanText.clean(value == null ? "" : value).replace("\r\n", "\n").replace('\r', '\n').strip();
        if (value.isEmpty()) {
            throw new CommentException(CommentException.Code.TEXT_EMPTY, "Write something first.");
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_CHARACTERS) {
            throw new CommentException(CommentException.Code.TEXT_TOO_LONG, "A comment has at most "
                    + String.format("%,d", MAX_CHARACTERS) + " characters; this one has "
                    + String.format("%,d", length) + ".");
        }
    }
}

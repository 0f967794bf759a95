package dailypapers.search.lucene;

import dailypapers.search.Highlight;
import dailypapers.search.Highlight.Fragment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.util.BytesRef;

/**
 * Turns the highlighter's passages into a {@link Highlight}: plain text fragments with the matches flagged, and
 * an ellipsis where text was left out. It writes no markup, so nothing here needs escaping; templates do that.
 */
final class HighlightFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";

    /**
     * The answer for a text in which a match does not analyse to the term it matched: the text is not the one
     * indexed, so the index's offsets point at other words.
     */
    static final Object STALE = new Object();

    /** Checks each match against its term when the text may not be the indexed one; null when it is. */
    private final Analyzer matchChecker;

    /** A formatter for the stored (indexed) text. */
    HighlightFormatter() {
        this(null);
    }

    /**
     * A formatter for a text that should be the indexed one; each match is analysed with {@code matchChecker}
     * (the field's analyzer, or null for no check) and a mismatch makes the answer {@link #STALE}.
     */
    HighlightFormatter(Analyzer matchChecker) {
        this.matchChecker = matchChecker;
    }

    @Override
    public Object format(Passage[] passages, String content) {
        if (matchChecker != null && !matchesAreTerms(passages, content)) {
            return STALE;
        }
        List<Fragment> fragments = new ArrayList<>();
        int previousEnd = 0;
        for (Passage passage : passages) {
            int start = passage.getStartOffset();
            int end = Math.min(passage.getEndOffset(), content.length());
            if (start > previousEnd || (start > 0 && fragments.isEmpty())) {
                add(fragments, ELLIPSIS + " ", false);
            }
            int cursor = start;
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int matchStart = Math.max(passage.getMatchStarts()[i], cursor);
                int matchEnd = Math.min(passage.getMatchEnds()[i], end);
                if (matchEnd <= matchStart) {
                    continue; // overlaps a match already marked
                }
                add(fragments, content.substring(cursor, matchStart), false);
                add(fragments, content.substring(matchStart, matchEnd), true);
                cursor = matchEnd;
            }
            add(fragments, content.substring(cursor, end), false);
            previousEnd = end;
        }
        if (!fragments.isEmpty() && previousEnd < content.strip().length()) {
            trimEnd(fragments);
            add(fragments, " " + ELLIPSIS, false);
        } else {
            trimEnd(fragments);
        }
        return new Highlight(fragments);
    }

    /** Whether every match's text analyses to the term it matched, as it does in the text indexed. */
    private boolean matchesAreTerms(Passage[] passages, String content) {
        for (Passage passage : passages) {
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (end > content.length() || !isTerm(content.substring(start, end), passage.getMatchTerms()[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean isTerm(String text, BytesRef term) {
        try (TokenStream tokens = matchChecker.tokenStream("", text)) {
            TermToBytesRefAttribute bytes = tokens.addAttribute(TermToBytesRefAttribute.class);
            tokens.reset();
            boolean matches = tokens.incrementToken() && bytes.getBytesRef().bytesEquals(term);
            while (tokens.incrementToken()) {
                // drain, as a token stream must be consumed before it is closed
            }
            tokens.end();
            return matches;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends text, joining it to the previous fragment when both are matches or both are not. */
    private static void add(List<Fragment> fragments, String text, boolean isMatch) {
        if (text.isEmpty()) {
            return;
        }
        if (!fragments.isEmpty() && fragments.getLast().isMatch() == isMatch) {
            Fragment last = fragments.removeLast();
            fragments.add(new Fragment(last.text() + text, isMatch));
        } else {
            fragments.add(new Fragment(text, isMatch));
        }
    }

    private static void trimEnd(List<Fragment> fragments) {
        if (!fragments.isEmpty() && !fragments.getLast().isMatch()) {
            Fragment last = fragments.removeLast();
            String text = last.text().stripTrailing();
            if (!text.isEmpty()) {
                fragments.add(new Fragment(text, false));
            }
        }
    }
}

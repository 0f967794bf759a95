package dailypapers.search.lucene;

import dailypapers.search.Highlight;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        Highlight.Builder fragments = new Highlight.Builder();
        int previousEnd = 0;
        for (Passage passage : passages) {
            int start = passage.getStartOffset();
            int end = Math.min(passage.getEndOffset(), content.length());
            if (start > previousEnd || (start > 0 && fragments.isEmpty())) {
                fragments.add(ELLIPSIS + " ", false);
            }
            int cursor = start;
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int matchStart = Math.max(passage.getMatchStarts()[i], cursor);
                int matchEnd = Math.min(passage.getMatchEnds()[i], end);
                if (matchEnd <= matchStart) {
                    continue; // overlaps a match already marked
                }
                fragments.add(content.substring(cursor, matchStart), false);
                fragments.add(content.substring(matchStart, matchEnd), true);
                cursor = matchEnd;
            }
            fragments.add(content.substring(cursor, end), false);
            previousEnd = end;
        }
        boolean textLeftOut = !fragments.isEmpty() && previousEnd < content.strip().length();
        fragments.trimEnd();
        if (textLeftOut) {
            fragments.add(" " + ELLIPSIS, false);
        }
        return fragments.build();
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
}

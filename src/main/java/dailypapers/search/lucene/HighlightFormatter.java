package dailypapers.search.lucene;

import dailypapers.search.Highlight;
import dailypapers.search.Highlight.Fragment;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into a {@link Highlight}: plain text fragments with the matches flagged, and
 * an ellipsis where text was left out. It writes no markup, so nothing here needs escaping; templates do that.
 */
final class HighlightFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";

    @Override
    public Object format(Passage[] passages, String content) {
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

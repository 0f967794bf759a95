package dailypapers.search.solr;

import dailypapers.search.Highlight;
import java.util.List;

/**
 * Solr's highlighted passages as a {@link Highlight}, made the way the Lucene engine's formatter makes it: plain
 * text fragments with the matches flagged, an ellipsis where text was left out, no markup. Solr marks matches with
 * {@link #PRE} and {@link #POST}, private-use characters no paper's text is expected to hold, and answers each
 * passage apart; each is found again in the field's stored text to know what lies between them.
 */
final class SolrHighlights {

    static final String PRE = "\uE000";
    static final String POST = "\uE001";
    static final String ELLIPSIS = "…";

    private SolrHighlights() {
    }

    /** The passages of {@code content}, in their order in it, as one highlight. */
    static Highlight of(List<String> passages, String content) {
        Highlight.Builder fragments = new Highlight.Builder();
        int previousEnd = 0;
        for (String passage : passages) {
            String plain = passage.replace(PRE, "").replace(POST, "");
            int start = content.indexOf(plain, previousEnd);
            if (start < 0) {
                start = previousEnd; // not found again (the text holds a marker character): no ellipsis for it
            }
            if (start > previousEnd || (start > 0 && fragments.isEmpty())) {
                fragments.add(ELLIPSIS + " ", false);
            }
            boolean isMatch = false;
            int from = 0;
            for (int i = 0; i < passage.length(); i++) {
                char c = passage.charAt(i);
                if (c == PRE.charAt(0) || c == POST.charAt(0)) {
                    fragments.add(passage.substring(from, i), isMatch);
                    isMatch = c == PRE.charAt(0);
                    from = i + 1;
                }
            }
            fragments.add(passage.substring(from), isMatch);
            previousEnd = start + plain.length();
        }
        boolean textLeftOut = !fragments.isEmpty() && previousEnd < content.strip().length();
        fragments.trimEnd();
        if (textLeftOut) {
            fragments.add(" " + ELLIPSIS, false);
        }
        return fragments.build();
    }
}

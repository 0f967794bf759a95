package dailypapers.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits the compounds {@link PaperAnalyzer} joined ("multi⁀agent", from "multi-agent") into their parts, the
 * whole written together ("multiagent"), or both. Indexing emits both, the whole at the first part's position (offsets
 * may not go backwards, so it cannot follow the last), so a compound in a query is one term that finds "multi-agent"
 * and "multiagent", and a quoted phrase of the parts ("multi agent system") still finds "multi-agent system".
 */
final class CompoundFilter extends TokenFilter {

    /**
     * What stands in for a hyphen inside a compound: U+2040 CHARACTER TIE, a connector the standard tokenizer keeps
     * inside a word (as it keeps "_"), and of the same length, so offsets into the text stay right.
     */
    static final char JOINER = '\u2040';

    /** Which tokens a compound becomes. */
    enum Emit {
        /** The whole, then the parts from the same position: for indexing and highlighting. */
        PARTS_AND_WHOLE,
        /** The whole alone: a query word. */
        WHOLE,
        /** The parts alone: a quoted phrase. */
        PARTS
    }

    private record Part(String text, int start, int end, int increment) {
    }

    private final Emit emit;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final List<Part> pending = new ArrayList<>();
    private State compound;

    CompoundFilter(TokenStream input, Emit emit) {
        super(input);
        this.emit = emit;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(compound);
            set(pending.removeFirst());
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String text = term.toString();
        if (text.indexOf(JOINER) < 0) {
            return true;
        }
        int start = offset.startOffset();
        // Offsets of parts map into the text only when the token is the text's own characters.
        boolean exact = offset.endOffset() - start == text.length();
        List<Part> parts = new ArrayList<>();
        StringBuilder whole = new StringBuilder(text.length());
        int from = 0;
        int firstIncrement = increment.getPositionIncrement();
        while (from <= text.length()) {
            int to = text.indexOf(JOINER, from);
            if (to < 0) {
                to = text.length();
            }
            if (to > from) {
                parts.add(new Part(text.substring(from, to), exact ? start + from : start,
                        exact ? start + to : offset.endOffset(), parts.isEmpty() ? 0 : 1));
                whole.append(text, from, to);
            }
            from = to + 1;
        }
        if (parts.isEmpty()) {
            return incrementToken(); // nothing but joiners: not a word
        }
        Part together = new Part(whole.toString(), start, offset.endOffset(), firstIncrement);
        if (parts.size() == 1) {
            set(together); // a lone part is the whole
            return true;
        }
        switch (emit) {
            case PARTS_AND_WHOLE -> {
                pending.add(together);
                pending.addAll(parts);
            }
            case WHOLE -> pending.add(together);
            case PARTS -> {
                pending.add(new Part(parts.getFirst().text(), parts.getFirst().start(), parts.getFirst().end(),
                        firstIncrement));
                pending.addAll(parts.subList(1, parts.size()));
            }
        }
        compound = captureState();
        set(pending.removeFirst());
        return true;
    }

    private void set(Part part) {
        term.setEmpty().append(part.text());
        offset.setOffset(part.start(), part.end());
        increment.setPositionIncrement(part.increment());
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        compound = null;
    }
}

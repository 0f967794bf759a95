package dailypapers.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Author names: words lower-cased and folded to ASCII (so "Müller" matches "muller"), no stemming, no stop words.
 * Consecutive authors are far apart in positions, so a phrase never spans two names.
 */
final class NameAnalyzer extends Analyzer {

    /** Position gap between two values of a multi-valued field. */
    static final int GAP_BETWEEN_NAMES = 100;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return GAP_BETWEEN_NAMES;
    }
}

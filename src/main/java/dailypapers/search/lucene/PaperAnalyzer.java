package dailypapers.search.lucene;

import static dailypapers.search.KeywordRanking.HYPHEN_IN_WORD;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Titles and abstracts: Lucene's {@link EnglishAnalyzer} (standard tokenizer, possessives, lower case, English
 * stop words, Porter stemming), plus compounds. A hyphen inside a word ({@link dailypapers.search.KeywordRanking#HYPHEN_IN_WORD})
 * joins its words into one token, which
 * {@link CompoundFilter} turns into the parts, the whole written together, or both ({@link CompoundFilter.Emit}).
 * Without it a hyphenated query word is a phrase query, which reads positions in every field: 30 to 50 ms each
 * on a million papers, against a few milliseconds for one term.
 */
final class PaperAnalyzer extends Analyzer {

    private static final String JOINER = String.valueOf(CompoundFilter.JOINER);

    private final CompoundFilter.Emit emit;

    PaperAnalyzer(CompoundFilter.Emit emit) {
        this.emit = emit;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(HYPHEN_IN_WORD, JOINER, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CompoundFilter(tokenizer, emit);
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

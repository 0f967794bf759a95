package dailypapers.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SearchIndex} that passes every call to another: tests override a method to count calls or to make an
 * engine fail in a chosen way, with the real index doing the rest.
 */
public class ForwardingSearchIndex implements SearchIndex {

    private final SearchIndex delegate;

    public ForwardingSearchIndex(SearchIndex delegate) {
        this.delegate = delegate;
    }

    @Override
    public String generation() {
        return delegate.generation();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public void upsert(List<SearchDocument> documents) {
        delegate.upsert(documents);
    }

    @Override
    public void delete(Collection<String> ids) {
        delegate.delete(ids);
    }

    @Override
    public void refresh() {
        delegate.refresh();
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public Rebuild rebuild() {
        return delegate.rebuild();
    }

    @Override
    public Hits keyword(KeywordQuery query, ResultOrder order, int offset, int limit) {
        return delegate.keyword(query, order, offset, limit);
    }

    @Override
    public Hits nearest(float[] vector, Filters filters, int k) {
        return delegate.nearest(vector, filters, k);
    }

    @Override
    public Hits moreLikeThis(String id, Filters filters, int k) {
        return delegate.moreLikeThis(id, filters, k);
    }

    @Override
    public List<String> exactMatches(Optional<String> id, Optional<String> title, Filters filters) {
        return delegate.exactMatches(id, title, filters);
    }

    @Override
    public Map<String, Snippets> snippets(KeywordQuery query, List<SnippetText> texts) {
        return delegate.snippets(query, texts);
    }

    @Override
    public Map<String, String> versions(Collection<String> ids) {
        return delegate.versions(ids);
    }

    @Override
    public Stats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Optional<String> fault() {
        return delegate.fault();
    }
}

package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryEmbeddingCacheTest {

    @Test
    void aQueryIsEmbeddedOnceWhileCached() {
        HashingEncoder encoder = new HashingEncoder();
        QueryEmbeddingCache cache = new QueryEmbeddingCache(encoder, 10);
        float[] first = cache.embed("sparse attention");
        float[] again = cache.embed("  sparse   attention ");
        assertThat(again).isSameAs(first);
        assertThat(encoder.queryCalls()).isEqualTo(1);
        assertThat(cache.stats()).isEqualTo(new QueryEmbeddingCache.Stats(1, 1, 1));
    }

    @Test
    void theLeastRecentlyUsedQueryGoesFirst() {
        HashingEncoder encoder = new HashingEncoder();
        QueryEmbeddingCache cache = new QueryEmbeddingCache(encoder, 2);
        cache.embed("a");
        cache.embed("b");
        cache.embed("a"); // a is now the most recently used
        cache.embed("c"); // evicts b
        assertThat(encoder.queryCalls()).isEqualTo(3);
        cache.embed("a");
        assertThat(encoder.queryCalls()).isEqualTo(3);
        cache.embed("b");
        assertThat(encoder.queryCalls()).isEqualTo(4);
        assertThat(cache.stats().size()).isEqualTo(2);
    }
}

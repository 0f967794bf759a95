package dailypapers.search.lucene;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;

/**
 * Lucene's default codec with vectors in HNSW over int7 scalar-quantised copies: a quarter of the memory of
 * float32 for the graph search, with the float vectors kept on disk for merging and for re-scoring the
 * candidates a search found. The per-field format is recorded
 * in the index, so the stock codec reads it back.
 */
final class VectorCodec {

    private VectorCodec() {
    }

    static Codec create() {
        KnnVectorsFormat quantized = new Lucene99HnswScalarQuantizedVectorsFormat();
        return new Lucene103Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return quantized;
            }
        };
    }
}

package dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.search.HashingEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {

    @TempDir
    Path folder;

    @Test
    void embedsOnlyWhatTheFileLacksAndGivesTheEncodersVectors() throws IOException {
        try (HashingEncoder encoder = new HashingEncoder()) {
            VectorCache cache = new VectorCache(folder, encoder);
            AtomicInteger embedded = new AtomicInteger();
            List<String> texts = List.of("graphene ribbons", "protein folding", "graphene ribbons", "black holes");
            List<float[]> first = cache.vectors(encoder, texts, 2, (done, missing) -> embedded.set(done));
            assertThat(embedded).as("the repeated text once").hasValue(3);
            assertThat(first.get(1)).isEqualTo(encoder.encodePassages(List.of("protein folding")).getFirst());
            assertThat(first.get(0)).isEqualTo(first.get(2));

            embedded.set(0);
            List<float[]> again = cache.vectors(encoder, List.of("black holes", "dark matter"), 2,
                    (done, missing) -> embedded.set(done));
            assertThat(embedded).hasValue(1);
            assertThat(again.getFirst()).isEqualTo(first.get(3));
            assertThat(cache.file().getFileName().toString()).endsWith(".vectors");
        }
    }

    @Test
    void chunksEmbeddedOnSeveralThreadsReadBackIntact() throws IOException {
        List<String> texts = IntStream.range(0, 203).mapToObj(i -> "paper number " + i).toList();
        try (HashingEncoder encoder = new HashingEncoder()) {
            List<float[]> written = new VectorCache(folder, encoder).vectors(encoder, texts, 3, (done, missing) -> {
            });
            List<float[]> read = new VectorCache(folder, encoder).vectors(encoder, texts, 3, (done, missing) -> {
                throw new AssertionError("nothing left to embed");
            });
            for (int i = 0; i < texts.size(); i++) {
                assertThat(read.get(i)).isEqualTo(written.get(i))
                        .isEqualTo(encoder.encodePassages(List.of(texts.get(i))).getFirst());
            }
        }
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndLaterOnesStayAligned() throws IOException {
        try (HashingEncoder encoder = new HashingEncoder()) {
            VectorCache cache = new VectorCache(folder, encoder);
            cache.vectors(encoder, List.of("graphene ribbons"), 1, (done, missing) -> {
            });
            Files.write(cache.file(), new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
            AtomicInteger embedded = new AtomicInteger();
            List<float[]> vectors = cache.vectors(encoder, List.of("graphene ribbons", "protein folding"), 1,
                    (done, missing) -> embedded.set(done));
            assertThat(embedded).hasValue(1);
            List<float[]> reread = new VectorCache(folder, encoder).vectors(encoder,
                    List.of("protein folding", "graphene ribbons"), 1, (done, missing) -> {
                        throw new AssertionError("nothing left to embed");
                    });
            assertThat(reread.get(0)).isEqualTo(vectors.get(1));
            assertThat(reread.get(1)).isEqualTo(vectors.get(0));
        }
    }
}

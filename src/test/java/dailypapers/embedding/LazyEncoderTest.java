package dailypapers.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The wrapper alone: what it loads is a counted stand-in, so no model is loaded here (EncoderContract does that). */
class LazyEncoderTest {

    /**
     * A stand-in for the model: every vector is {1}; counts how often it is built and closed, and runs
     * {@code duringEncode} inside each encode.
     */
    private static final class CountingLoader {

        final AtomicInteger loaded = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        private final Consumer<CountingLoader> duringEncode;

        CountingLoader() {
            this(loader -> { });
        }

        CountingLoader(Consumer<CountingLoader> duringEncode) {
            this.duringEncode = duringEncode;
        }

        LazyEncoder lazy() {
            return new LazyEncoder("stand-in", 1, () -> {
                loaded.incrementAndGet();
                return new Encoder() {
                    @Override
                    public String model() {
                        return "stand-in";
                    }

                    @Override
                    public int dimension() {
                        return 1;
                    }

                    @Override
                    public float[] encodeQuery(String query) {
                        duringEncode.accept(CountingLoader.this);
                        return new float[] {1};
                    }

                    @Override
                    public List<float[]> encodePassages(List<String> passages) {
                        return passages.stream().map(this::encodeQuery).toList();
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            });
        }
    }

    @Test
    void namesTheRealModelWithoutLoadingIt() {
        try (LazyEncoder lazy = new LazyEncoder(EncoderModel.BGE_SMALL_EN_V15_Q, 512, 1)) {
            assertThat(lazy.model()).isEqualTo(EncoderModel.BGE_SMALL_EN_V15_Q.id() + "/512");
            assertThat(lazy.dimension()).isEqualTo(EncoderModel.BGE_SMALL_EN_V15_Q.dimension());
            assertThat(lazy.isLoaded()).isFalse();
        }
    }

    @Test
    void theFirstEncodeLoadsAndLaterOnesReuseIt() {
        CountingLoader loader = new CountingLoader();
        try (LazyEncoder lazy = loader.lazy()) {
            assertThat(lazy.isLoaded()).isFalse();
            assertThat(loader.loaded).hasValue(0);

            assertThat(lazy.encodeQuery("sparse attention")).containsExactly(1);
            assertThat(lazy.encodePassages(List.of("a", "b"))).hasSize(2);

            assertThat(lazy.isLoaded()).isTrue();
            assertThat(loader.loaded).hasValue(1);
        }
        assertThat(loader.closed).as("closing closes what was loaded").hasValue(1);
    }

    @Test
    void concurrentFirstEncodesLoadOnce() throws Exception {
        CountingLoader loader = new CountingLoader();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (LazyEncoder lazy = loader.lazy(); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<float[]>> vectors = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                start.await();
                return lazy.encodeQuery("query " + i);
            })).toList();
            start.countDown();
            for (Future<float[]> vector : vectors) {
                assertThat(vector.get()).containsExactly(1);
            }
        }
        assertThat(loader.loaded).hasValue(1);
    }

    @Test
    void closingBeforeAnyEncodeLoadsNothing() {
        CountingLoader loader = new CountingLoader();
        loader.lazy().close();

        assertThat(loader.loaded).hasValue(0);
        assertThat(loader.closed).hasValue(0);
    }

    @Test
    void closeWaitsForAnEncodeInFlightAndRefusesLaterOnes() throws Exception {
        CountDownLatch encoding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger closedDuringEncode = new AtomicInteger();
        CountingLoader loader = new CountingLoader(self -> {
            encoding.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closedDuringEncode.set(self.closed.get());
        });
        LazyEncoder lazy = loader.lazy();
        Thread encoder = Thread.ofPlatform().start(() -> lazy.encodeQuery("in flight"));
        assertThat(encoding.await(10, TimeUnit.SECONDS)).isTrue();
        Thread closer = Thread.ofPlatform().start(lazy::close);
        closer.join(200);
        assertThat(closer.isAlive()).as("close waits while an encode runs").isTrue();

        finish.countDown();
        encoder.join();
        closer.join();

        assertThat(closedDuringEncode).as("the model was not closed under the encode").hasValue(0);
        assertThat(loader.closed).hasValue(1);
        assertThatThrownBy(() -> lazy.encodeQuery("too late")).isInstanceOf(EncoderException.class)
                .hasMessageContaining("closed");
    }
}

package dailypapers.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.ingest.TextFields;
import dailypapers.search.EmbeddingText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A large corpus made by recombining real papers, so that words, term statistics and vector neighbourhoods stay
 * those of real papers: each synthetic paper takes the title, categories, date and code link of one real paper,
 * as many abstract sentences as another real paper has, each from a random real paper, and the authors of a
 * fourth. Its vector mixes the real vectors of its parts (title paper half, sentence papers half), normalised:
 * computing 1M vectors with the model would take days on 2 cores, and a mix of real vectors keeps the shape of
 * the real vector space (the benchmark says so wherever it reports on these vectors).
 *
 * <p>Ids are new-style arXiv ids in months of 2040 ({@code 4001.00001} onwards), which real papers cannot have.
 */
final class SyntheticCorpus {

    static final int MAX_PAPERS = 12 * 99_999;

    private SyntheticCorpus() {
    }

    /**
     * Writes {@code count} papers to {@code papersOut} (the import format, gzipped) and their vectors to
     * {@code vectorsOut} ({@link VectorFile}).
     */
    static void write(RealPapers real, Map<String, float[]> realVectors, int count, long seed, Path papersOut,
            Path vectorsOut) throws IOException {
        if (count < 1 || count > MAX_PAPERS) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_PAPERS + ", got " + count);
        }
        List<RealPapers.Paper> papers = real.papers().stream().filter(p -> realVectors.containsKey(p.id())).toList();
        if (papers.isEmpty()) {
            throw new IllegalArgumentException("no real paper has a vector to recombine");
        }
        int dimension = realVectors.get(papers.getFirst().id()).length;
        SplittableRandom random = new SplittableRandom(seed);
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(papersOut), 1 << 16), StandardCharsets.UTF_8));
                VectorFile.Writer vectors = VectorFile.writer(vectorsOut, dimension)) {
            for (int i = 0; i < count; i++) {
                RealPapers.Paper head = pick(papers, random);
                int sentences = pick(papers, random).sentences().size();
                List<String> abstractSentences = new ArrayList<>(sentences);
                float[] mix = new float[dimension];
                add(mix, realVectors.get(head.id()), 0.5f);
                for (int s = 0; s < sentences; s++) {
                    RealPapers.Paper source = pick(papers, random);
                    abstractSentences.add(source.sentences().get(random.nextInt(source.sentences().size())));
                    add(mix, realVectors.get(source.id()), 0.5f / sentences);
                }
                // Cleaned as the import stores it, so the vector's text hash matches the stored paper's.
                String title = TextFields.clean(head.title());
                String abstractText = TextFields.clean(String.join(" ", abstractSentences));
                String id = id(i);
                ObjectNode node = json.createObjectNode();
                node.put("id", id);
                node.put("title", title);
                node.putPOJO("authors", pick(papers, random).authors());
                node.put("abstract", abstractText);
                node.put("published", head.published());
                node.put("upvotes", head.upvotes());
                node.putPOJO("categories", head.categories());
                node.put("github", head.github());
                out.write(json.writeValueAsString(node));
                out.newLine();
                vectors.write(id, EmbeddingText.hash(EmbeddingText.of(title, abstractText)), normalise(mix));
            }
        }
    }

    /** The i-th synthetic id: 99,999 per month of 2040. */
    static String id(int i) {
        return String.format("40%02d.%05d", i / 99_999 + 1, i % 99_999 + 1);
    }

    private static RealPapers.Paper pick(List<RealPapers.Paper> papers, SplittableRandom random) {
        return papers.get(random.nextInt(papers.size()));
    }

    private static void add(float[] sum, float[] vector, float weight) {
        for (int d = 0; d < sum.length; d++) {
            sum[d] += weight * vector[d];
        }
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= scale;
        }
        return v;
    }
}

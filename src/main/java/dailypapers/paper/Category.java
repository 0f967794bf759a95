package dailypapers.paper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** arXiv category names: {@code cs.CL}, {@code hep-th}, {@code q-bio.NC}. */
public final class Category {

    public static final int MAX_LENGTH = 40;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z-]*(?:\\.[A-Za-z-]+)?");
    /** arXiv's taxonomy, a constant table read once: code to the name people read. */
    private static final Map<String, String> TAXONOMY = readTaxonomy("arxiv-categories.tsv");

    private Category() {
    }

    /** Whether {@code name} has the shape of an arXiv category (it need not exist). */
    public static boolean isWellFormed(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** The name arXiv gives a category code ("Computation and Language" for {@code cs.CL}); empty when unknown. */
    public static Optional<String> nameOf(String code) {
        return Optional.ofNullable(TAXONOMY.get(code));
    }

    private static Map<String, String> readTaxonomy(String resource) {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = Category.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    names.put(line.substring(0, tab), line.substring(tab + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}

package dailypapers.search.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The app's Solr configset (schema, solrconfig, the word delimiter's character types), from the classpath. It is
 * uploaded under a name derived from a hash of its files, so a new version of the app uploads a new configset
 * beside the old one and never changes the configuration under a live collection; new collections use it.
 */
record Configset(String name, Map<String, byte[]> files) {

    private static final String RESOURCES = "/dailypapers/search/solr/conf/";
    private static final List<String> FILES = List.of("solrconfig.xml", "schema.xml", "wdgf-types.txt");
    private static final String NAME_PREFIX = "dailypapers-";

    /** The collection property that sets the vector field's dimension ({@code ${vector.dimension}} in the schema). */
    static final String DIMENSION_PROPERTY = "vector.dimension";

    static Configset load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = Configset.class.getResourceAsStream(RESOURCES + file)) {
                if (in == null) {
                    throw new IllegalStateException("the Solr configset file " + file + " is missing from the jar");
                }
                files.put(file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Configset(NAME_PREFIX + hash(files), files);
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((file, content) -> {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** The files as the zip Solr's configset upload takes. */
    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

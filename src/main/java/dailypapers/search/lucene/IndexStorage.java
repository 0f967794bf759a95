package dailypapers.search.lucene;

import dailypapers.search.IndexUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the generations of a {@link LuceneSearchIndex} live and which one is live: folders beside each other under
 * one root on disk, or memory.
 */
interface IndexStorage extends Closeable {

    /** The generation last published; empty for a new index. */
    Optional<String> live() throws IOException;

    /** The directory of a generation, created empty when it does not exist. */
    Directory open(String generation) throws IOException;

    /** Makes {@code generation} the live one, durably and in one step. */
    void publish(String generation) throws IOException;

    /** Deletes a generation that is closed and not live. */
    void discard(String generation) throws IOException;

    /** Deletes everything but the live generation: swapped-out ones, half-built ones, an older layout. */
    void discardAllBut(String generation) throws IOException;

    /** Generations in memory, for evaluations and tests. */
    static IndexStorage memory() {
        return new IndexStorage() {
            private String live;

            @Override
            public Optional<String> live() {
                return Optional.ofNullable(live);
            }

            @Override
            public Directory open(String generation) {
                return new ByteBuffersDirectory();
            }

            @Override
            public void publish(String generation) {
                live = generation;
            }

            @Override
            public void discard(String generation) {
                // Closing a generation's directory freed its memory.
            }

            @Override
            public void discardAllBut(String generation) {
                // Memory holds nothing but the generations this process made and closed.
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Generations as folders under {@code root}: the file {@code live} names the live one and is replaced by an
     * atomic rename. The root's {@code write.lock} keeps a second process out of all of them (and out of an index
     * of the older, single-folder layout). {@code wrap} lets tests put a failing directory in the way.
     */
    static IndexStorage folder(Path root, UnaryOperator<Directory> wrap) throws IOException {
        Files.createDirectories(root);
        FSDirectory rootDirectory = FSDirectory.open(root);
        try {
            return new Folder(root, rootDirectory, rootDirectory.obtainLock(Folder.LOCK), wrap);
        } catch (LockObtainFailedException e) {
            rootDirectory.close();
            throw new IndexUnavailableException("the search index at " + root + " is in use by another process"
                    + " (is the server running?)", e);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(rootDirectory);
            throw e;
        }
    }

    /** Generations as folders under one locked root. */
    final class Folder implements IndexStorage {

        private static final Logger log = LoggerFactory.getLogger(Folder.class);
        static final String LOCK = "write.lock";
        static final String LIVE = "live";
        private static final String LIVE_NEXT = "live.next";

        private final Path root;
        private final Directory rootDirectory;
        private final Lock lock;
        private final UnaryOperator<Directory> wrap;

        private Folder(Path root, Directory rootDirectory, Lock lock, UnaryOperator<Directory> wrap) {
            this.root = root;
            this.rootDirectory = rootDirectory;
            this.lock = lock;
            this.wrap = wrap;
        }

        @Override
        public Optional<String> live() throws IOException {
            return live(root);
        }

        /** The live generation of the index folder {@code root}, read without its lock; empty for a new one. */
        static Optional<String> live(Path root) throws IOException {
            try {
                String name = Files.readString(root.resolve(LIVE), StandardCharsets.UTF_8).strip();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public Directory open(String generation) throws IOException {
            return wrap.apply(FSDirectory.open(root.resolve(generation)));
        }

        @Override
        public void publish(String generation) throws IOException {
            Path next = root.resolve(LIVE_NEXT);
            Files.writeString(next, generation, StandardCharsets.UTF_8);
            IOUtils.fsync(next, false);
            Files.move(next, root.resolve(LIVE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            IOUtils.fsync(root, true);
        }

        @Override
        public void discard(String generation) throws IOException {
            IOUtils.rm(root.resolve(generation));
        }

        @Override
        public void discardAllBut(String generation) throws IOException {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!name.equals(generation) && !name.equals(LIVE) && !name.equals(LOCK)) {
                        log.info("deleting {} from the search index folder: not the live generation", entry);
                        IOUtils.rm(entry);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            IOUtils.close(lock, rootDirectory);
        }
    }
}

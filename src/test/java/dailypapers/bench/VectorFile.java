package dailypapers.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Vectors with their paper id and text hash, one after the other: the synthetic corpus's vectors on their way
 * into the database. Format: the dimension, then per paper id, text hash (modified UTF-8) and the floats.
 */
final class VectorFile {

    private VectorFile() {
    }

    record Entry(String id, String textHash, float[] vector) {
    }

    interface Sink {
        void accept(Entry entry) throws IOException;
    }

    static final class Writer implements AutoCloseable {

        private final DataOutputStream out;
        private final int dimension;

        private Writer(DataOutputStream out, int dimension) {
            this.out = out;
            this.dimension = dimension;
        }

        void write(String id, String textHash, float[] vector) throws IOException {
            if (vector.length != dimension) {
                throw new IllegalArgumentException("vector of " + id + " has " + vector.length + " dimensions, not "
                        + dimension);
            }
            out.writeUTF(id);
            out.writeUTF(textHash);
            for (float x : vector) {
                out.writeFloat(x);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static Writer writer(Path file, int dimension) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        out.writeInt(dimension);
        return new Writer(out, dimension);
    }

    static void read(Path file, Sink sink) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int dimension = in.readInt();
            while (true) {
                String id;
                try {
                    id = in.readUTF();
                } catch (EOFException end) {
                    return;
                }
                String hash = in.readUTF();
                float[] vector = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    vector[d] = in.readFloat();
                }
                sink.accept(new Entry(id, hash, vector));
            }
        }
    }
}

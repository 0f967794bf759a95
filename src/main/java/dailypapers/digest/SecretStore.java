package dailypapers.digest;

import java.time.Instant;
import java.util.function.Supplier;

/** The instance_secret table: secrets an instance makes for itself, shared by all its nodes. */
public interface SecretStore {

    /**
     * The secret of this name; the first caller (on any node) stores {@code fresh}'s value, and every caller gets
     * that one.
     */
    String getOrCreate(String name, Supplier<String> fresh, Instant at);
}

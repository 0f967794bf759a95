package dailypapers.store;

import dailypapers.digest.SecretStore;
import java.time.Instant;
import java.util.function.Supplier;

/** {@link SecretStore} on the instance_secret table: the first insert wins, on any node. */
public final class JdbiSecretStore implements SecretStore {

    private final HandleSource handles;

    public JdbiSecretStore(Database database) {
        this.handles = HandleSource.of(database);
    }

    @Override
    public String getOrCreate(String name, Supplier<String> fresh, Instant at) {
        return handles.write(h -> {
            h.createUpdate("""
                            INSERT INTO instance_secret (name, value, created_at) VALUES (:name, :value, :at)
                            ON CONFLICT (name) DO NOTHING""")
                    .bind("name", name)
                    .bind("value", fresh.get())
                    .bind("at", StoredTimes.sortable(at))
                    .execute();
            return h.createQuery("SELECT value FROM instance_secret WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
        });
    }
}

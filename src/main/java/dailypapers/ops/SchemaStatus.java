package dailypapers.ops;

import java.util.List;
import java.util.Optional;

/**
 * Where a database's schema stands against the migrations this build carries, read without changing anything.
 *
 * @param applied the newest version applied; empty for an empty database
 * @param known   the newest version this build carries
 * @param pending versions this build carries that are not applied yet (every start applies them)
 * @param unknown versions applied that this build does not carry: a newer release migrated the database
 * @param unfinishedRestore what a restore cut short left ("of FILE, begun AT"): the database is incomplete
 */
public record SchemaStatus(Optional<String> applied, String known, List<String> pending, List<String> unknown,
        Optional<String> unfinishedRestore) {
}

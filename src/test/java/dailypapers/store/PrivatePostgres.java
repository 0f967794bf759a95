package dailypapers.store;

import static org.junit.jupiter.api.Assertions.fail;

import dailypapers.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, which the test may stop, kill and start again: Debian's binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, the newest), a cluster in a temporary directory, on a free loopback
 * port, trust authentication, removed by {@link #close()}. As root it runs as the {@code postgres} user (PostgreSQL
 * refuses root), as {@code .ci/run} does. Without the binaries a test is skipped with a message, except under
 * {@code CI=true}, where they must be there.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final String USER = "postgres";

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private PrivatePostgres(Path bin, Path data, int port, boolean asPostgres) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates the cluster and starts it. */
    public static PrivatePostgres start() {
        Path bin = binaries();
        boolean asPostgres = "root".equals(System.getProperty("user.name"));
        Path data;
        try {
            data = Files.createTempDirectory("dailypapers-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrivatePostgres server = new PrivatePostgres(bin, data, TestPorts.free(), asPostgres);
        try {
            if (asPostgres) {
                server.run(false, "chown", USER + ":" + USER, data.toString());
            }
            server.run(true, bin.resolve("initdb").toString(), "-D", data.resolve("cluster").toString(), "-U", USER,
                    "--auth=trust", "--no-sync");
            server.startAgain();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The newest Debian PostgreSQL's binaries; skips the test (fails it under CI) when there are none. */
    private static Path binaries() {
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(DEBIAN)) {
            try (Stream<Path> versions = Files.list(DEBIAN)) {
                newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> major(b.getParent().getFileName().toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (newest.isEmpty()) {
            String message = "no PostgreSQL binaries under " + DEBIAN + "/*/bin (Debian's postgresql package)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + message + ": .ci/run installs them");
            }
            Assumptions.abort("skipped: " + message + " to start a private server with");
        }
        return newest.get();
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The server's maintenance database, for creating others. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** Creates a database on this server and returns how to reach it. */
    public DatabaseConfig createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(url(), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new DatabaseConfig("jdbc:postgresql://127.0.0.1:" + port + "/" + name, USER, "", 4);
    }

    /** Starts the stopped server again on the same port and data; returns once it accepts connections. */
    public void startAgain() {
        run(true, bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-l",
                data.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** A clean, fast shutdown: sessions are ended, then the server exits; returns once it has. */
    public void stop() {
        pgCtlStop("fast");
    }

    /** As a crash: the server exits at once without a checkpoint, and recovers when started again. */
    public void kill() {
        pgCtlStop("immediate");
    }

    private void pgCtlStop(String mode) {
        run(true, bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-m", mode, "-w",
                "stop");
    }

    /** Runs a command to its end, as the postgres user when {@code asServerUser} and this is root. */
    private void run(boolean asServerUser, String... command) {
        List<String> line = new ArrayList<>();
        if (asServerUser && asPostgres) {
            line.addAll(List.of("runuser", "-u", USER, "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).directory(data.toFile()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " took over " + COMMAND_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed with " + process.exitValue() + ": "
                        + new String(output, StandardCharsets.UTF_8) + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + line, e);
        }
    }

    private String serverLog() {
        Path log = data.resolve("server.log");
        try {
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the server if it runs and removes its files. */
    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("cluster/postmaster.pid"))) {
                kill();
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

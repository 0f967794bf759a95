package dailypapers;

import dailypapers.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dailypapers serve} in a JVM of its own, as an operator runs it: the test's class path, its data directory,
 * settings from the environment, on a free loopback port. Its output goes to {@code serve.log} in the data
 * directory (and is kept for failure messages). It can be stopped as systemd stops it (SIGTERM) or killed as a
 * crash kills it (SIGKILL).
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("Daily Papers is serving http://[^:/]+:(\\d+)/");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final int port;
    private final List<String> output;

    private ServeProcess(String name, Process process, int port, List<String> output) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts {@code serve} on {@code dataDir} with these settings as environment variables, and returns once it
     * listens; fails with its output when it exits or does not listen within {@code startup}.
     */
    public static ServeProcess start(String name, Path dataDir, Map<String, String> environment, Duration startup)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", dataDir.toString(),
                "serve", "--host", "127.0.0.1", "--port", "0")
                .directory(dataDir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Files.createDirectories(dataDir);
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Path log = dataDir.resolve("serve.log");
        Thread.ofVirtual().name(name + "-output").start(() -> copy(process, log, output, listening));
        try {
            int port = listening.get(startup.toMillis(), TimeUnit.MILLISECONDS);
            return new ServeProcess(name, process, port, output);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not start serving within " + startup + "; its output:\n"
                    + String.join("\n", snapshot(output)), e);
        }
    }

    /** Keeps every line of the process's output, and says when it listens. */
    private static void copy(Process process, Path log, List<String> output, CompletableFuture<Integer> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    listening.complete(Integer.parseInt(serving.group(1)));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(new UncheckedIOException(e));
        }
        listening.completeExceptionally(new IllegalStateException("the process ended"));
    }

    private static List<String> snapshot(List<String> output) {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What the process has written so far, one line each. */
    public List<String> output() {
        return snapshot(output);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer ends it: nothing is released, no lease given back. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM and waits for the graceful shutdown; returns the exit status (143 when it went as it should). */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** Stops it gracefully if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}

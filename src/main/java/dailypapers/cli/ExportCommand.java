package dailypapers.cli;

import dailypapers.App;
import dailypapers.UserFacingException;
import dailypapers.ingest.PaperExporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Data out of an instance, for another instance or for safekeeping: {@code export papers FILE}. */
@Command(name = "export", description = "Export data.", subcommands = ExportCommand.Papers.class)
final class ExportCommand {

    @ParentCommand
    Main main;

    @Command(name = "papers", description = "Write every paper as JSON lines in the import schema, so that"
            + " 'import' reads it into another instance unchanged (gzip when FILE ends in .gz).")
    static final class Papers implements Callable<Integer> {

        private static final String STANDARD_OUTPUT = "-";
        private static final int BUFFER_BYTES = 1 << 16;

        @ParentCommand
        ExportCommand export;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Where to write; - for standard output.")
        String file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path target = STANDARD_OUTPUT.equals(file) ? null : Path.of(file);
            if (target != null && Files.isDirectory(target)) {
                throw new UserFacingException("cannot write " + target + ": it is a directory");
            }
            try (App app = export.main.openApp(Map.of())) {
                PaperExporter exporter = app.ingest().exporter();
                ProgressReporter progress = ProgressReporter.forConsole(err, "export");
                PaperExporter.Listener listener = (exported, total, elapsedNanos) -> progress.count(
                        target == null ? "papers" : target.toString(), exported, total, "papers", elapsedNanos);
                long started = System.nanoTime();
                long exported = target == null ? toStandardOutput(exporter, out, listener)
                        : toFile(exporter, target, listener);
                progress.finish();
                // Standard output carries the papers; the summary goes beside the progress then.
                (target == null ? err : out).printf(Locale.ROOT, "exported %,d papers to %s in %.1f s%n", exported,
                        target == null ? "standard output" : target, (System.nanoTime() - started) / 1e9);
                return 0;
            }
        }

        private static long toStandardOutput(PaperExporter exporter, PrintWriter out, PaperExporter.Listener listener)
                throws IOException {
            long exported = exporter.export(out, listener);
            if (out.checkError()) {
                throw new UserFacingException("cannot write to standard output (closed early?)");
            }
            return exported;
        }

        /**
         * Writes {@code FILE.partial} and renames it to {@code FILE} once complete, so an interrupted export leaves
         * no file that looks whole; a failed one removes its partial file.
         */
        private static long toFile(PaperExporter exporter, Path target, PaperExporter.Listener listener)
                throws IOException {
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            long exported;
            try (Writer writer = open(partial, target, target.getFileName().toString().endsWith(".gz"))) {
                exported = exporter.export(writer, listener);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e instanceof IOException io ? cannotWrite(target, io) : (RuntimeException) e;
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
            return exported;
        }

        private static Writer open(Path partial, Path target, boolean gzip) throws IOException {
            OutputStream stream;
            try {
                stream = Files.newOutputStream(partial);
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
            OutputStream compressed = gzip ? new GZIPOutputStream(stream, BUFFER_BYTES) : stream;
            return new BufferedWriter(new OutputStreamWriter(compressed, StandardCharsets.UTF_8), BUFFER_BYTES);
        }

        private static UserFacingException cannotWrite(Path path, IOException e) {
            String reason = switch (e) {
                case NoSuchFileException missing -> "no such directory";
                case AccessDeniedException denied -> "permission denied";
                default -> e.getMessage();
            };
            return new UserFacingException("cannot write " + path + ": " + reason, e);
        }
    }
}

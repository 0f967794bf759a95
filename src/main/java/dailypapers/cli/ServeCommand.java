package dailypapers.cli;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.web.Web;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the web server until stopped; SIGTERM and Ctrl-C stop it gracefully (see {@link StopSignals}). */
@Command(name = "serve", description = "Start the web server.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "PORT", descriptionKey = "http.port")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", descriptionKey = "http.host")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        Main.putIfSet(flags, Config.HTTP_PORT, port);
        Main.putIfSet(flags, Config.HTTP_HOST, host);
        App app = main.openApp(flags);
        Web web;
        try {
            web = app.serve();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        var counts = app.feed().papers().counts();
        log.info("Daily Papers is serving http://{}:{}/ ({} papers, {} featured; database {}; harvesting {})",
                "0.0.0.0".equals(app.config().httpHost()) ? "localhost" : app.config().httpHost(), web.port(),
                counts.papers(), counts.featured(), app.databaseDescription(),
                app.config().harvest().enabled() ? "on, status at /admin/harvest" : "off");
        // Installed before any job starts, so a stop signal at any moment waits for the jobs (and the model they may
        // be loading or running) before the JVM shuts down.
        StopSignals.install(() -> {
            log.info("shutting down");
            web.close();
            app.close();
            log.info("Daily Papers stopped");
        });
        app.startJobs();
        new CountDownLatch(1).await(); // serves until a stop signal ends the JVM
        return 0;
    }
}

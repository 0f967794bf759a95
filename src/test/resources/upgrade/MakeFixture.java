// Makes the upgrade fixtures with the release they stand for. Not compiled with the tests: run it against that
// release's jar, as README.md in this directory says.
import dailypapers.App;
import dailypapers.Config;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.ingest.ImportListener;
import dailypapers.library.PaperCollection;
import dailypapers.library.Visibility;
import dailypapers.paper.ArxivId;
import dailypapers.search.VectorStore.StoredVector;
import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.JdbiVectorStore;
import dailypapers.token.TokenScope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class MakeFixture {
    public static void main(String[] args) throws Exception {
        DatabaseConfig database = new DatabaseConfig(args[0], args.length > 2 ? args[2] : null, null, 4);
        Path papersFile = Path.of(args[1]);
        try (App app = App.open(new Config(Files.createTempDirectory("fixture"), database, "127.0.0.1", 0),
                Clock.systemUTC())) {
            app.importFile(papersFile, ImportListener.NONE);
            List<ArxivId> papers = new ArrayList<>();
            for (String line : new String(new java.util.zip.GZIPInputStream(Files.newInputStream(papersFile))
                    .readAllBytes()).split("\n")) {
                String id = line.substring(line.indexOf("\"id\": \"") + 7);
                papers.add(ArxivId.parse(id.substring(0, id.indexOf('"'))));
            }
            Member admin = app.accounts().service().create("margaret@example.org", "margaret", "Margaret",
                    "correct horse battery staple", Role.ADMIN);
            Member ada = app.accounts().service().create("ada@example.org", "ada", "Ada Lovelace",
                    "correct horse battery staple", Role.MEMBER);
            Member alan = app.accounts().service().create("alan@example.org", "alan", "Alan Turing",
                    "correct horse battery staple", Role.MEMBER);
            app.tokens().service().create(ada.id(), "laptop", TokenScope.WRITE);
            for (int i = 0; i < 20; i++) {
                app.votes().service().set(ada.id(), papers.get(i), true);
                app.votes().service().set(alan.id(), papers.get(i * 3), true);
            }
            long first = app.comments().service().post(ada, "127.0.0.1", papers.get(0), Optional.empty(),
                    "A **bold** claim, with *emphasis* and `code`: ünïcödé 🧪.");
            app.comments().service().post(alan, "127.0.0.1", papers.get(0), Optional.of(first), "A reply.");
            app.comments().service().edit(ada, first, "A **bold** claim, edited.");
            long gone = app.comments().service().post(alan, "127.0.0.1", papers.get(1), Optional.empty(), "Oops.");
            app.comments().service().delete(alan, gone);
            app.libraries().service().save(ada.id(), papers.get(2));
            app.libraries().service().save(ada.id(), papers.get(3));
            PaperCollection reading = app.libraries().service().create(ada.id(), "Reading group", Visibility.PUBLIC);
            app.libraries().service().add(ada.id(), reading.id(), papers.get(2));
            app.moderation().service().flag(alan, "paper", papers.get(5).value(), "spam", "not a paper");
            app.moderation().service().hidePaper(admin, papers.get(5).value(), "spam");
            try (Database direct = Database.open(database, new SimpleMeterRegistry())) {
                List<StoredVector> vectors = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    float[] vector = new float[384];
                    for (int d = 0; d < vector.length; d++) {
                        vector[d] = (float) Math.sin(i * 31 + d);
                    }
                    vectors.add(new StoredVector(papers.get(i), vector, "text-" + i, null));
                }
                new JdbiVectorStore(direct, Clock.systemUTC()).save("bge-small-en-v1.5-q", vectors);
            }
        }
    }
}

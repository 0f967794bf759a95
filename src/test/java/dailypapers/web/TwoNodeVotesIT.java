package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.store.DatabaseConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two app nodes on one PostgreSQL database, as behind a load balancer: members vote on one paper through both at
 * once, each member's vote sent to both nodes concurrently (a double click landing on two nodes), some withdrawing
 * theirs the same way; the count ends exact on both nodes.
 */
class TwoNodeVotesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEMBERS = 16;
    private static final int WITHDRAWING = 5;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void votesThroughTwoNodesAtOnceCountExactly() throws Exception {
        DatabaseConfig database = TestDatabases.freshPostgres();
        try (TestApp first = TestApp.start(database, Files.createTempDirectory("dailypapers-node-1"));
                TestApp second = TestApp.start(database, Files.createTempDirectory("dailypapers-node-2"))) {
            PageFixtures fixtures = new PageFixtures();
            ObjectNode paper = fixtures.paper().put("upvotes", 50);
            first.importFile(fixtures.write(first.directory()));
            String id = paper.get("id").asText();
            List<TestMember> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(first.member(Role.MEMBER));
            }

            sendToBothNodes(List.of(first, second), members, id, "add");
            assertThat(upvotes(first, id)).isEqualTo(50 + MEMBERS);
            assertThat(upvotes(second, id)).isEqualTo(50 + MEMBERS);

            sendToBothNodes(List.of(second, first), members.subList(0, WITHDRAWING), id, "remove");
            assertThat(upvotes(first, id)).isEqualTo(50 + MEMBERS - WITHDRAWING);
            assertThat(upvotes(second, id)).isEqualTo(50 + MEMBERS - WITHDRAWING);
        } finally {
            TestDatabases.dropPostgres(database);
        }
    }

    /** Every member sends the action to every node, all at once (sessions live in the database, so any node). */
    private void sendToBothNodes(List<TestApp> nodes, List<TestMember> members, String id, String action)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (TestMember member : members) {
                for (TestApp node : nodes) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/papers/" + id
                                        + "/upvote"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "application/json")
                                .header("Cookie", member.cookie())
                                .header("X-CSRF-Token", member.csrfToken())
                                .POST(HttpRequest.BodyPublishers.ofString("action=" + action))
                                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    }));
                }
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int upvotes(TestApp node, String id) throws Exception {
        return JSON.readTree(node.get("/api/papers/" + id).body()).get("upvotes").asInt();
    }
}

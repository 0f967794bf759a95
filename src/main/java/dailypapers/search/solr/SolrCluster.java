package dailypapers.search.solr;

import static dailypapers.search.solr.SolrCalls.call;

import dailypapers.search.SolrSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.IOUtils;

/**
 * One SolrCloud cluster as the app uses it: SolrJ's cloud client over the JDK's HTTP client (no ZooKeeper
 * client, no Jetty), and the administration behind the generations: the configset, one collection per generation
 * named {@code <alias>_<UTC time>_<random>}, and the alias that names the live one.
 */
final class SolrCluster implements AutoCloseable {

    /** A node that does not accept a connection within this is down; searches must not hang on it. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Silence this long on an open connection fails the request (a rebuild's batches answer well within it). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ALIAS_RETRY = Duration.ofMillis(250);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final List<URI> urls;
    private final ExecutorService requestThreads;
    private final HttpJdkSolrClient http;
    private final CloudSolrClient cloud;
    private final Pattern generations;
    private final String alias;

    SolrCluster(SolrSettings settings) {
        this.urls = settings.urls();
        this.alias = settings.collection();
        this.generations = Pattern.compile(Pattern.quote(alias) + "_(\\d{8}T\\d{6}Z)_[0-9a-f]{6}");
        // SolrJ's own pool runs 4 threads and queues the rest: a request body is written into a pipe by one of them
        // while the JDK client that drains the pipe waits in that queue, so 4 updates at once hung for good
        // (SOLR-18312).
        // A thread per task never queues; there are as many as requests in flight.
        this.requestThreads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("solr-http-", 0)
                .factory());
        this.http = new HttpJdkSolrClient.Builder()
                .withExecutor(requestThreads)
                // HTTP/2 without TLS starts as an upgraded HTTP/1.1 request, which broke off answers ("EOF").
                .useHttp1_1(true)
                .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .withIdleTimeout(IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        CloudSolrClient built = null;
        try {
            built = new CloudSolrClient.Builder(urls.stream().map(URI::toString).toList()).withHttpClient(http)
                    .build();
        } finally {
            if (built == null) {
                IOUtils.closeQuietly(http);
                requestThreads.shutdownNow();
            }
        }
        this.cloud = built;
    }

    SolrClient client() {
        return cloud;
    }

    /** The alias searches go through. */
    String alias() {
        return alias;
    }

    String where() {
        return urls.toString();
    }

    /** Uploads the configset unless the cluster has it already. */
    void ensureConfigset(Configset configset) {
        List<String> present = call("list configsets", () -> new ConfigSetAdminRequest.List().process(cloud))
                .getConfigSets();
        if (!present.contains(configset.name())) {
            try {
                call("upload the configset " + configset.name(), () -> new ConfigSetAdminRequest.Upload()
                        .setConfigSetName(configset.name())
                        .setUploadStream(new ContentStreamBase.ByteArrayStream(configset.zip(), configset.name(),
                                "application/zip"))
                        .process(cloud));
            } catch (RuntimeException refused) {
                // Another node starting at the same moment may have uploaded it first: Solr refuses the second.
                boolean uploadedMeanwhile = call("list configsets",
                        () -> new ConfigSetAdminRequest.List().process(cloud)).getConfigSets()
                        .contains(configset.name());
                if (!uploadedMeanwhile) {
                    throw refused;
                }
            }
        }
    }

    /** The collection the alias names, when it names one that exists. */
    Optional<String> live() {
        return aliased().filter(collections()::contains);
    }

    /** The one collection the alias names, without asking whether it exists. */
    Optional<String> aliased() {
        String target = call("read the alias " + alias, () -> new CollectionAdminRequest.ListAliases().process(cloud))
                .getAliases().get(alias);
        return target == null || target.contains(",") ? Optional.empty() : Optional.of(target);
    }

    List<String> collections() {
        return call("list collections", () -> CollectionAdminRequest.listCollections(cloud));
    }

    /** A new, empty collection for a generation, its vector field of {@code dimension}. */
    String create(Configset configset, int shards, int replicas, int dimension, Instant now) {
        String name = alias + "_" + STAMP.format(now) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        call("create the collection " + name, () -> CollectionAdminRequest
                .createCollection(name, configset.name(), shards, replicas)
                .withProperty(Configset.DIMENSION_PROPERTY, Integer.toString(dimension))
                .process(cloud));
        return name;
    }

    /** Points the alias at {@code collection}, in one step for every client of the cluster. */
    void point(String collection) {
        call("point the alias " + alias + " at " + collection,
                () -> CollectionAdminRequest.createAlias(alias, collection).process(cloud));
    }

    void delete(String collection) {
        call("delete the collection " + collection,
                () -> CollectionAdminRequest.deleteCollection(collection).process(cloud));
    }

    /**
     * Deletes a collection the alias named until a moment ago. The node that runs a delete checks the aliases as it
     * last read them from ZooKeeper, and refuses while they still name the collection; it is asked again every
     * {@link #ALIAS_RETRY} until it has caught up, for at most {@code patience}.
     */
    void deleteFormerlyAliased(String collection, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                delete(collection);
                return;
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("is part of aliases") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(ALIAS_RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while deleting the collection " + collection, e);
            }
        }
    }

    /**
     * The generations of this alias that it does not name and that were created before {@code before}: rebuilds
     * cut short (or lost in a race to create the first one).
     */
    List<String> strays(String live, Instant before) {
        return collections().stream().filter(name -> !name.equals(live)).filter(name -> {
            Matcher m = generations.matcher(name);
            if (!m.matches()) {
                return false;
            }
            try {
                return Instant.from(STAMP.parse(m.group(1))).isBefore(before);
            } catch (DateTimeParseException e) {
                return false;
            }
        }).toList();
    }

    /** Closes the cloud client and the HTTP client under it, both even when the first fails. */
    @Override
    public void close() {
        try {
            cloud.close();
        } finally {
            try {
                http.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                requestThreads.shutdownNow();
            }
        }
    }
}

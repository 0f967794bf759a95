package dailypapers.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;

/**
 * A standalone ZooKeeper server on loopback, for a local SolrCloud: {@code ZooKeeperNode PORT DIR}. Prints
 * {@code zookeeper ready on 127.0.0.1:PORT} once clients can connect, then runs until killed.
 */
public final class ZooKeeperNode {

    private ZooKeeperNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ZooKeeperNode PORT DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        Path config = dir.resolve("zoo.cfg");
        // No admin server (it would bring ZooKeeper's own Jetty) and no session limit: tests open many clients.
        Files.writeString(config, String.join("\n",
                "dataDir=" + dir.resolve("data").toAbsolutePath(),
                "clientPort=" + port,
                "clientPortAddress=127.0.0.1",
                "tickTime=2000",
                "maxClientCnxns=0",
                "admin.enableServer=false",
                "4lw.commands.whitelist=ruok,mntr,conf,srvr",
                ""));
        ServerConfig serverConfig = new ServerConfig();
        serverConfig.parse(config.toString());
        Thread announcer = new Thread(() -> {
            if (Ports.awaitListening(port)) {
                System.out.println("zookeeper ready on 127.0.0.1:" + port);
            }
        }, "announce-ready");
        announcer.setDaemon(true);
        announcer.start();
        new ZooKeeperServerMain().runFromConfig(serverConfig);
    }
}

// Starts Neo4j Community embedded in this JVM with a Bolt connector on 127.0.0.1, so the official
// drivers connect to it exactly as to a packaged server. Args: HOME PORT PASSWORD_FILE CONF. Stops on SIGTERM.
// CONF is the neo4j.conf launcher.py writes (memory settings sized for the machine, graph/neo4j_server/tuning.py);
// the connector and security settings below are set after it, so the file cannot loosen them.
// The password is read from a file (mode 0600, written by launcher.py) and the file is deleted at once,
// so it never appears on a command line, in the environment or in the log (docs/security.md).
import inet.ipaddr.IPAddressString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Launcher HOME PORT PASSWORD_FILE CONF");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path passwordFile = Path.of(args[2]);
        Path conf = Path.of(args[3]);
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8);
        Files.deleteIfExists(passwordFile);
        // LOAD CSV is refused before Neo4j sees a query (graph/cypher_guard.py); this is the second wall:
        // no file URLs, an empty import root, and every IP address blocked for http(s)/ftp URLs.
        Path importRoot = home.resolve("import-empty");
        Files.createDirectories(importRoot);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importRoot)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }));
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        // The password comes from the caller (NEO4J_PASSWORD); quote it as a Cypher string literal.
        String quoted = password.replace("\\", "\\\\").replace("'", "\\'");
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD '" + quoted + "' CHANGE NOT REQUIRED");
        } catch (RuntimeException e) {
            // Restarting with the same password: Neo4j refuses to "change" it to itself, which is fine.
            if (!String.valueOf(e.getMessage()).contains("same")) throw e;
        }
        System.out.println("actorgraph-neo4j ready on bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}

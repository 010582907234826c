// Starts Neo4j Community embedded in this JVM with a Bolt connector on 127.0.0.1, so the official
// drivers connect to it exactly as to a packaged server. Args: HOME PORT PASSWORD. Stops on SIGTERM.
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME PORT PASSWORD");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = args[2];
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
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

package effkg.neo4jserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.string.UTF8;

/**
 * Embedded Neo4j Community with a Bolt connector on 127.0.0.1, for tests, benchmarks and people.
 *
 * <pre>
 * java -Xmx1g -jar target/neo4j-server.jar --data DIR --port 0 --password secret
 * READY bolt://127.0.0.1:41234
 * </pre>
 *
 * Exits cleanly on SIGTERM or when stdin reaches end-of-file (so a parent that dies, even by
 * SIGKILL, takes the server with it). Exit status 2 for usage errors, 1 for startup failures.
 */
public final class Main {
    private static final String USER = "neo4j";

    private Main() {}

    public static void main(String[] args) {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-server: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(opts);
        } catch (Throwable e) { // startup failed: report one clear line plus the trace, non-zero exit
            System.err.println("neo4j-server: startup failed: " + e);
            e.printStackTrace(System.err);
            System.err.flush();
            // halt: a half-started DBMS may hold non-daemon threads that would keep the JVM alive
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(Options opts) throws IOException {
        Path home = opts.data.toAbsolutePath();
        Files.createDirectories(home);
        // The system database is created on first start; its presence marks "password already set".
        boolean firstStart = !Files.isDirectory(home.resolve("data").resolve("databases").resolve("system"));

        long t0 = System.nanoTime();
        if (firstStart) {
            writeInitialPassword(home, opts.password);
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", opts.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", opts.port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Callers choose short throw-away passwords in tests; Neo4j's default minimum is 8.
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                .setConfig(GraphDatabaseSettings.pagecache_memory, opts.pageCacheBytes)
                // Preallocating transaction logs costs disk and startup time for no gain here.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                // No phone-home: the machines running this have no outside network anyway.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                // Netty's graceful shutdown waits seconds for a quiet period; tests stop and restart often.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        long tBuilt = System.nanoTime();

        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (stopped.compareAndSet(false, true)) {
                System.err.println("neo4j-server: shutting down");
                dbms.shutdown();
                System.err.println("neo4j-server: stopped");
                System.err.flush();
            }
        };
        // SIGTERM / SIGINT / System.exit all run shutdown hooks: the store is closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-server-shutdown"));

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Touch the default database so the first client query does not pay for its warm-up.
        db.executeTransactionally("RETURN 1");
        ConnectorPortRegister ports = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        var bolt = ports.getLocalAddress(ConnectorType.BOLT);
        if (bolt == null) {
            throw new IllegalStateException("Bolt connector did not register a local address");
        }
        int port = bolt.getPort();
        waitForAccept(port, Duration.ofSeconds(30));

        if (!opts.ignoreStdin) {
            Thread watcher = new Thread(Main::exitOnStdinEof, "neo4j-server-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        long now = System.nanoTime();
        System.err.printf("neo4j-server: started in %d ms%s (dbms %d ms, warm-up %d ms)%n",
                (now - t0) / 1_000_000, firstStart ? " (new store)" : "", (tBuilt - t0) / 1_000_000,
                (now - tBuilt) / 1_000_000);
        PrintStream out = System.out;
        out.println("READY bolt://127.0.0.1:" + port);
        out.flush();
    }

    /**
     * What {@code neo4j-admin dbms set-initial-password} does: the system database, created on first
     * start, takes user neo4j from this file, with no forced password change. Much faster than running
     * ALTER USER on the system database (that compiles the administration-command planner: seconds).
     */
    private static void writeInitialPassword(Path home, String password) throws IOException {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        FileUserRepository repo = new FileUserRepository(
                new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        try {
            repo.start();
            var credential = SystemGraphCredential.createCredentialForPassword(UTF8.encode(password), new SecureHasher());
            repo.create(new User(USER, null, credential, false, false));
            repo.shutdown();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // lifecycle methods declare Exception
            throw new IOException("could not write the initial password to " + file, e);
        }
    }

    /** The Bolt listener is bound once build() returns; this confirms it accepts before READY. */
    private static void waitForAccept(int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Bolt port " + port + " does not accept connections", e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for Bolt", ie);
                }
            }
        }
    }

    private static void exitOnStdinEof() {
        InputStream in = System.in;
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) != -1) {
                // input is ignored; only end-of-file matters
            }
        } catch (IOException e) {
            // a broken stdin means the parent is gone, same as EOF
        }
        System.err.println("neo4j-server: stdin closed");
        System.exit(0);
    }

    static final class Options {
        static final String USAGE = "usage: java -jar neo4j-server.jar --data DIR --password PW "
                + "[--port N (0 = free port, default 0)] [--pagecache SIZE (e.g. 64m, default 64m)] [--ignore-stdin]";

        Path data;
        int port = 0;
        String password;
        long pageCacheBytes = ByteUnit.mebiBytes(64);
        boolean ignoreStdin = false;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data" -> o.data = Path.of(value(args, ++i, a));
                    case "--port" -> o.port = parsePort(value(args, ++i, a));
                    case "--password" -> o.password = value(args, ++i, a);
                    case "--pagecache" -> o.pageCacheBytes = parseSize(value(args, ++i, a));
                    case "--ignore-stdin" -> o.ignoreStdin = true;
                    case "-h", "--help" -> throw new IllegalArgumentException("help requested");
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (o.data == null) {
                throw new IllegalArgumentException("--data is required");
            }
            if (o.password == null || o.password.isEmpty()) {
                throw new IllegalArgumentException("--password is required (non-empty)");
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p < 0 || p > 65535) {
                    throw new IllegalArgumentException("--port out of range: " + s);
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port is not a number: " + s);
            }
        }

        private static long parseSize(String s) {
            String t = s.trim().toLowerCase();
            long mult = 1;
            if (t.endsWith("k")) {
                mult = ByteUnit.kibiBytes(1);
            } else if (t.endsWith("m")) {
                mult = ByteUnit.mebiBytes(1);
            } else if (t.endsWith("g")) {
                mult = ByteUnit.gibiBytes(1);
            }
            if (mult != 1) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                return Long.parseLong(t) * mult;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--pagecache is not a size: " + s);
            }
        }
    }
}

package com.liminaltransit.admin.ridebot;

import io.helidon.microprofile.server.Server;
import jakarta.enterprise.inject.spi.CDI;
import java.util.UUID;

/**
 * Randomtest from the command line, for CI: boots the application (no port open to the outside, an in-memory H2
 * unless {@code liminal.db.url} is given), plays the rides through the configured chain, prints the report and
 * exits 0 when it is clean, 1 when not, 2 on bad arguments.
 * <pre>
 * java -cp 'target/liminal-transit.jar:target/libs/*' com.liminaltransit.admin.ridebot.RideBotMain \
 *     --rides 1000 --seed 1
 * </pre>
 * Any configuration key can be given as {@code -Dkey=value} (e.g. {@code -Dliminal.ai.chain=bedrock,offline}).
 */
public final class RideBotMain {

    private RideBotMain() {}

    /** Runs and exits with the verdict. */
    public static void main(String[] args) {
        int rides = 1000;
        long seed = 1;
        Long variant = null;
        ChoicePolicy policy = ChoicePolicy.RANDOM;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rides" -> rides = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--variant" -> variant = Long.parseLong(args[++i]);
                    case "--policy" -> {
                        String name = args[++i];
                        policy = ChoicePolicy.of(name)
                                .orElseThrow(() -> new IllegalArgumentException("no policy " + name));
                    }
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
            if (rides < 1) {
                throw new IllegalArgumentException("--rides must be at least 1");
            }
        } catch (RuntimeException e) {
            System.err.println(
                    "usage: RideBotMain [--rides N] [--seed S] [--variant ID] [--policy random|least-used]  ("
                            + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        defaultProperty("server.host", "127.0.0.1");
        defaultProperty("server.port", "0");
        defaultProperty(
                "liminal.db.url",
                "jdbc:h2:mem:randomtest-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        Server server = Server.create().start();
        RideBotReport report;
        try {
            int total = rides;
            int step = Math.max(1, rides / 10);
            report = CDI.current()
                    .select(RideBot.class)
                    .get()
                    .run(
                            rides,
                            seed,
                            variant,
                            policy,
                            done -> {
                                if (done % step == 0 || done == total) {
                                    System.out.printf("randomtest: %d/%d rides%n", done, total);
                                }
                            },
                            () -> false);
        } finally {
            server.stop();
        }
        System.out.print(report.toText());
        System.exit(report.clean() ? 0 : 1);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

package org.vnetlab.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vnetlab serve --role ROLE}: one role of a real deployment, configured by the environment
 * variables listed in {@link Env} (PostgreSQL and Kafka are external; see compose.yaml).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run one role of a deployment (commands, projections, stack-worker, all), configured by VNETLAB_* variables.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "commands | projections | stack-worker | all")
    String role;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        Role r;
        try {
            r = Role.parse(role);
        } catch (IllegalArgumentException e) {
            System.err.println("vnetlab serve: unknown role \"" + role + "\" (commands, projections, stack-worker, all)");
            return 64;
        }
        Database db = Database.open(Env.DATABASE_URL.get(env), Env.DATABASE_USER.get(env), Env.DATABASE_PASSWORD.get(env),
                Env.DATABASE_POOL.getInt(env));
        ensureTopics(Env.KAFKA_BOOTSTRAP.get(env), Topics.DEFAULT);
        Stack stack = Stack.start(db, Env.KAFKA_BOOTSTRAP.get(env), Topics.DEFAULT, r, Env.HTTP_PORT.getInt(env),
                Duration.ofMillis(Env.READ_TIMEOUT_MS.getInt(env)), Duration.ofMillis(Env.DATAPLANE_TIMEOUT_MS.getInt(env)),
                Env.SNAPSHOT_EVERY.getInt(env), Env.LAB_CACHE.getInt(env));
        stack.tenants.ensureTenant(Env.TENANT.get(env), Env.TENANT.get(env));
        String token = Env.BOOTSTRAP_TOKEN.get(env);
        if (!token.isEmpty()) stack.tenants.registerToken(Env.TENANT.get(env), "bootstrap", token);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            db.close();
            done.countDown();
        }, "vnetlab-serve-shutdown"));
        System.err.println("vnetlab serve: role " + r.label() + (stack.port() > 0 ? " on port " + stack.port() : "") + " started");
        done.await();
        return 0;
    }

    /** Creates the topics with their partition count unless they exist (the broker may auto-create with fewer). */
    static void ensureTopics(String bootstrap, Topics topics) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String name : java.util.List.of(topics.events(), topics.results())) {
                try {
                    admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(name, Topics.PARTITIONS, (short) 1)))
                            .all().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) throw new IllegalStateException(e.getCause());
                } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
                    throw new IllegalStateException("Kafka at " + bootstrap + " did not answer", e);
                }
            }
        }
    }
}

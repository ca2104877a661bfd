package org.vnetlab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vnetlab.commands.CommandService;
import org.vnetlab.commands.Tenants;
import org.vnetlab.commands.api.ApiServer;
import org.vnetlab.commands.relay.KafkaRelay;
import org.vnetlab.commands.results.WorkerDataPlane;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.Topics;
import org.vnetlab.projections.Projector;
import org.vnetlab.projections.ReadModels;
import org.vnetlab.stackworker.StackWorker;

/**
 * The services of one process, assembled: what {@code dev} (everything: commands, projections,
 * one stack-worker) and {@code serve --role} (one role) start on a database and a Kafka cluster. Closes in reverse order.
 */
final class Stack implements AutoCloseable {
    final Tenants tenants;
    private ApiServer api;
    private final List<AutoCloseable> parts = new ArrayList<>();

    private Stack(Database db) {
        this.tenants = new Tenants(db.dataSource());
    }

    static Stack start(Database db, String kafkaBootstrap, Topics topics, Role role, int httpPort, Duration readTimeout) {
        return start(db, kafkaBootstrap, topics, role, httpPort, readTimeout, Duration.ofSeconds(10));
    }

    /** {@code dataplaneTimeout}: how long a data-plane line waits for a stack-worker's result (then 504). */
    static Stack start(Database db, String kafkaBootstrap, Topics topics, Role role, int httpPort, Duration readTimeout,
                       Duration dataplaneTimeout) {
        return start(db, kafkaBootstrap, topics, role, httpPort, readTimeout, dataplaneTimeout, WriteSide.DEFAULT_SNAPSHOT_EVERY,
                WriteSide.DEFAULT_LAB_CACHE);
    }

    /**
     * {@code snapshotEvery}: events between two snapshots of a lab ({@code VNETLAB_SNAPSHOT_EVERY});
     * {@code labCache}: labs the write side keeps in memory ({@code VNETLAB_LAB_CACHE}).
     */
    static Stack start(Database db, String kafkaBootstrap, Topics topics, Role role, int httpPort, Duration readTimeout,
                       Duration dataplaneTimeout, int snapshotEvery, int labCache) {
        Stack s = new Stack(db);
        try {
            if (role == Role.projections || role == Role.all) {
                s.parts.add(new Projector(db.dataSource(), kafkaBootstrap, topics.events()).start());
            }
            if (role == Role.stack_worker || role == Role.all) {
                s.parts.add(new StackWorker(db.dataSource(), kafkaBootstrap, topics).start());
            }
            if (role == Role.commands || role == Role.all) {
                WriteSide writeSide = new WriteSide(db.dataSource(), 4, 1000, snapshotEvery, labCache);
                s.parts.add(writeSide);
                s.parts.add(new KafkaRelay(writeSide, kafkaBootstrap, topics.events(), 500).start());
                WorkerDataPlane dataPlane = new WorkerDataPlane(db.dataSource(), kafkaBootstrap, topics.results(), dataplaneTimeout).start();
                s.parts.add(dataPlane);
                CommandService service = new CommandService(writeSide,
                        new ProjectedReadSide(new ReadModels(db.dataSource(), readTimeout)), dataPlane, Duration.ofSeconds(30));
                s.api = ApiServer.start(httpPort, service, s.tenants);
                s.parts.add(s.api);
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The API's port, or -1 when this process serves no API. */
    int port() {
        return api == null ? -1 : api.port();
    }

    @Override
    public void close() {
        List<AutoCloseable> reverse = new ArrayList<>(parts);
        Collections.reverse(reverse);
        for (AutoCloseable p : reverse) {
            try {
                p.close();
            } catch (Exception e) {
                System.err.println("vnetlab: while stopping: " + e);
            }
        }
        parts.clear();
    }
}

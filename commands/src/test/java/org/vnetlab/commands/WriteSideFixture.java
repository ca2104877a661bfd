package org.vnetlab.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.TestInfra;

/** A fresh database with the write side, a tenant and its token, on the JVM's shared PostgreSQL. */
final class WriteSideFixture implements AutoCloseable {
    final Database db;
    final WriteSide writeSide;
    final Tenants tenants;
    final CommandService service;
    final Principal alice = new Principal("acme", "alice");
    final String token;

    WriteSideFixture() {
        db = TestInfra.get().freshDatabase();
        writeSide = new WriteSide(db.dataSource(), 4, 1000);
        tenants = new Tenants(db.dataSource());
        tenants.ensureTenant("acme", "Acme");
        token = tenants.issueToken("acme", "alice");
        service = new CommandService(writeSide);
    }

    static String seedScript() {
        try {
            Path p = Path.of("../examples/seed-demo.sh");
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        writeSide.close();
        db.close();
    }
}

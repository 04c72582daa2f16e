package com.liminaltransit.safety;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.testing.Postgres;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The blocks table on production's database (a real PostgreSQL, started by the test). */
class PostgresBlockStoreIT extends BlockStoreContract {

    private static int databases;

    private Database database;

    @BeforeEach
    void openPostgres() {
        database = new Database(
                Postgres.newDatabase("blocks" + (++databases)), Optional.of("postgres"), Optional.empty(), 2);
        database.migrateOnStart(null);
    }

    @AfterEach
    void closePool() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }
}
